// Every JSON answer with `<`, `>` and `&` written as \u003c, \u003e and \u0026 (as Go's
// encoding/json and Rails do). The JSON means the same to every parser, but a text such as
// `</script><img src=x onerror=…>` stored by one user can no longer form markup anywhere the
// answer might be read as HTML: a browser that sniffs (nosniff forbids it too), a proxy's error
// page, or a developer pasting a body into a page. U+2028/2029 are escaped too, since some
// JavaScript engines before ES2019 ended a string literal at them.
import type { FastifyInstance } from 'fastify';

const unsafe = /[<>&\u2028\u2029]/;
const unsafeAll = /[<>&\u2028\u2029]/g;
const escapes: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** The JSON text with those characters escaped; the same JSON value. */
export function escapeJsonText(json: string): string {
  return unsafe.test(json) ? json.replace(unsafeAll, (c) => escapes[c]!) : json;
}

export function installJsonEscaping(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (typeof payload !== 'string') return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    return type.includes('json') ? escapeJsonText(payload) : payload;
  });
}
