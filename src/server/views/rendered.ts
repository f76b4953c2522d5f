// Answers kept as the JSON text sent. A kept page (cache.ts) is the same object for as long as
// nothing it rests on changed, so its rendering for one kind of reader is the same text too:
// turning a subject's whole record (tens of kilobytes) into JSON and checking it against the
// response schema cost more than everything else the request did. The text is made by the very
// serializer fastify uses for the route's schema (app.ts), so it is the same, byte for byte.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/** Past this many texts, all are dropped (a text whose page was recomputed is never asked for again). */
const maxTexts = 200;

export class RenderedAnswers {
  readonly #ids = new WeakMap<object, number>();
  #next = 0;
  readonly #texts = new Map<string, string>();

  /** The object's number for as long as it lives: a kept page's identity, in a key. */
  #idOf(value: object): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = ++this.#next;
      this.#ids.set(value, id);
    }
    return id;
  }

  /**
   * The JSON text rendered from exactly `inputs` (kept pages by identity, everything else by
   * value), made by `render` the first time.
   */
  text(inputs: readonly (object | string | number | boolean)[], render: () => string): string {
    const key = inputs.map((x) => (typeof x === 'object' ? `#${this.#idOf(x)}` : JSON.stringify(x))).join('|');
    let text = this.#texts.get(key);
    if (text === undefined) {
      text = render();
      if (this.#texts.size >= maxTexts) this.#texts.clear();
      this.#texts.set(key, text);
    }
    return text;
  }
}

/** The serializer fastify uses for a route's success answer: zod's check of the schema, then JSON. */
export function serializerOf(schema: z.ZodType, method: string, url: string): (value: unknown) => string {
  return serializerCompiler({ schema, method, url }) as (value: unknown) => string;
}

/** Everything about the reader that a rendering depends on: pseudonyms or not, the sites covered, the language. */
export function readerKey(request: FastifyRequest): string {
  const a = request.access;
  const covers = a.grants.map((g) => `${g.studyId}:${g.siteId ?? '*'}`).sort();
  return `${a.role?.role === 'sponsor_viewer' ? 'pseudonyms' : 'names'}|${[...new Set(covers)].join(',')}|${request.language}`;
}

/** Sends text made by serializerOf as the JSON answer (fastify sends a string with a JSON type as it is). */
export function sendJson(reply: FastifyReply, text: string): FastifyReply {
  return reply.type('application/json').send(text);
}
