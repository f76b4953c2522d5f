// One fuzzed HTTP request of a route: who sends it (a role the matrix allows, one it does not, or
// nobody), its path parameters, query string and body as the route's generator and OpenAPI
// schema shape them (valid, mutated at any depth, or hostile whole), and how it travels (JSON,
// another content type, malformed JSON, no body, repeated or malformed query strings).
import fc from 'fast-check';
import type { RouteAccess } from '../access/matrix.ts';
import { principals } from './fixture.ts';
import { hostileValue, jsonText, unicodeString } from '../../fuzz/hostile.ts';
import type { RouteGenerator } from './routes.ts';
import { encodeSegment } from './routes.ts';
import { mutatedArbitrary } from '../../fuzz/mutate.ts';
import { type JsonSchema, type SchemaHints, validArbitrary } from './schema-arbitrary.ts';

export interface Operation {
  readonly parameters?: readonly { readonly in: string; readonly name: string; readonly required?: boolean; readonly schema: JsonSchema }[];
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: JsonSchema }>> };
}

export interface FuzzRequest {
  readonly who: string | null;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload?: string | Buffer;
  /** Sent with a session of its own (the request ends the session it comes with). */
  readonly ownSession: boolean;
  /** What kind of request this is, for the failure message. */
  readonly shape: string;
}

const roleOf: Record<string, string> = Object.fromEntries(Object.entries(principals).map(([role, user]) => [user, role.replace(/B$/, '')]));

/** Who may send the route's requests, and who may not (nobody, for a route open to any session). */
export function sendersOf(access: RouteAccess): { allowed: (string | null)[]; refused: (string | null)[] } {
  const everyone = Object.values(principals) as string[];
  if (access.allow === 'public') return { allowed: [null, ...everyone], refused: [] };
  if (access.allow === 'session') return { allowed: everyone, refused: [null] };
  const roles = access.allow as readonly string[];
  return { allowed: everyone.filter((u) => roles.includes(roleOf[u]!)), refused: [null, ...everyone.filter((u) => !roles.includes(roleOf[u]!))] };
}

const malformedJson = ['{', '{"a":1,}', "{'a':1}", '\uFEFF{}', 'NaN', '{"a":NaN}', '[1,2', '{"a" 1}', '{"a":"\\x41"}', '{"a":"\\u12"}', '// c\n{}', '{"a":1}{"b":2}', 'nul', '"\\ud800"', '\u0000'];
const otherTypes = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream', 'application/jsonx', 'json'];
const charsets = ['application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json; charset=iso-8859-1', 'application/json; charset=utf-16', 'application/json;;', 'application/problem+json'];
const languages = ['en', 'zh-CN', 'zh-CN;q=0.9, en;q=0.8', '*', 'xx-YY', 'en;q=abc', ',,,', 'zh-Hant-TW'];

/** A query string from values, with the ways clients and attackers write one. */
function queryText(values: Record<string, unknown>, mode: string, extra: string): string {
  const text = (v: unknown) => (typeof v === 'string' ? v : jsonText(v));
  const pairs = Object.entries(values).map(([k, v]) => [k, encodeSegment(text(v))] as const);
  const plain = pairs.map(([k, v]) => `${k}=${v}`);
  switch (mode) {
    case 'repeated':
      return [...plain, ...pairs.map(([k]) => `${k}=${encodeSegment(extra)}`)].join('&');
    case 'bracketed':
      return pairs.map(([k, v]) => `${k}[]=${v}`).join('&');
    case 'bare':
      return pairs.map(([k]) => k).join('&');
    case 'malformed':
      return [...plain, 'asOf=%E0%A4%A', '%zz=1', '&&', '=x'].join('&');
    case 'unknown':
      return [...plain, `${encodeSegment(extra)}=1`, '__proto__[x]=1', 'constructor[prototype][x]=1'].join('&');
    case 'long':
      return [...plain, `asOf=${'9'.repeat(20_000)}`].join('&');
    default:
      return plain.join('&');
  }
}

export function requestArbitrary(key: string, operation: Operation | undefined, access: RouteAccess, gen: RouteGenerator, components: Record<string, JsonSchema>, hints: SchemaHints): fc.Arbitrary<FuzzRequest> {
  const [method, template] = key.split(' ') as [FuzzRequest['method'], string];
  const { allowed, refused } = sendersOf(access);
  const who = refused.length > 0 ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...allowed) }, { weight: 2, arbitrary: fc.constantFrom(...refused) }) : fc.constantFrom(...allowed);
  const names = [...template.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  for (const name of names) if (!gen.params?.[name]) throw new Error(`${key}: no generator for the path parameter :${name}`);
  const params = fc.record(Object.fromEntries(names.map((n) => [n, gen.params![n]!])));
  const routeHints: SchemaHints = { ...hints, fields: { ...hints.fields, ...gen.fields } };

  const queryParams = (operation?.parameters ?? []).filter((p) => p.in === 'query');
  const query = fc.record(
    Object.fromEntries(queryParams.map((q) => [q.name, fc.oneof({ weight: 3, arbitrary: validArbitrary(q.schema, components, routeHints, q.name) }, { weight: 1, arbitrary: unicodeString })])),
    { requiredKeys: queryParams.filter((q) => q.required).map((q) => q.name) },
  );
  const queryMode = fc.oneof({ weight: 8, arbitrary: fc.constant('plain') }, { weight: 3, arbitrary: fc.constantFrom('repeated', 'bracketed', 'bare', 'malformed', 'unknown', 'long') });

  const bodySchema = operation?.requestBody?.content['application/json']?.schema;
  const valid = bodySchema ? validArbitrary(bodySchema, components, routeHints) : fc.constant(undefined);
  const body = bodySchema
    ? fc.oneof(
        { weight: 3, arbitrary: valid.map((v) => ({ v, shape: 'valid' })) },
        { weight: 5, arbitrary: mutatedArbitrary(valid).map((v) => ({ v, shape: 'mutated' })) },
        { weight: 1, arbitrary: hostileValue.map((v) => ({ v, shape: 'hostile' })) },
      )
    : fc.constant({ v: undefined as unknown, shape: 'none' });
  const transport = fc.oneof(
    { weight: 14, arbitrary: fc.constant({ mode: 'json', type: 'application/json' }) },
    { weight: 1, arbitrary: fc.constantFrom(...charsets).map((type) => ({ mode: 'json', type })) },
    { weight: 1, arbitrary: fc.constantFrom(...otherTypes).map((type) => ({ mode: 'json', type })) },
    { weight: 2, arbitrary: fc.constantFrom(...malformedJson).map((text) => ({ mode: 'malformed', type: 'application/json', text })) },
    { weight: 1, arbitrary: fc.constantFrom({ mode: 'empty', type: 'application/json' }, { mode: 'absent', type: '' }, { mode: 'utf16', type: 'application/json' }) },
  );
  const csrf = fc.oneof({ weight: 20, arbitrary: fc.constant('own') }, { weight: 1, arbitrary: fc.constantFrom('none', 'wrong') });
  const language = fc.option(fc.constantFrom(...languages), { nil: undefined });

  return fc
    .record({ who, params, query, queryMode, extra: unicodeString, body, transport, csrf, language })
    .map(({ who, params, query, queryMode, extra, body, transport, csrf, language }) => {
      const path = template.replace(/:(\w+)/g, (_, n: string) => params[n] as string);
      const qs = queryParams.length > 0 ? queryText(query, queryMode, extra) : queryMode === 'plain' ? '' : queryText({ zz: extra }, queryMode, extra);
      const headers: Record<string, string> = {};
      if (language) headers['accept-language'] = language;
      let payload: string | Buffer | undefined;
      const sendsBody = method !== 'GET' && method !== 'DELETE';
      if (sendsBody && transport.mode !== 'absent') {
        const text = transport.mode === 'malformed' ? (transport as { text: string }).text : transport.mode === 'empty' ? '' : jsonText(body.v ?? {});
        payload = transport.mode === 'utf16' ? Buffer.from(text, 'utf16le') : text;
        headers['content-type'] = transport.type;
      }
      return {
        who,
        method,
        url: qs ? `${path}?${qs}` : path,
        headers: { ...headers, 'x-fuzz-csrf': csrf },
        ownSession: gen.endsSession === true,
        ...(payload !== undefined ? { payload } : {}),
        shape: `${body.shape}/${transport.mode}${transport.type ? ` ${transport.type}` : ''}/query ${queryMode}/csrf ${csrf}`,
      };
    });
}
