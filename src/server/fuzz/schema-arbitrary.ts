// Requests shaped by the OpenAPI document: a fast-check arbitrary of values valid for a JSON
// Schema (as @fastify/swagger writes zod's schemas), with pools of good values for fields that
// must name something real (a study code, a record id, the user's password) so that valid-shaped
// requests reach past the checks.
import fc from 'fast-check';

export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly $ref?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

export interface SchemaHints {
  /** Good values for a field, by its name wherever it appears. */
  readonly fields: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  readonly uuid: fc.Arbitrary<string>;
  readonly date: fc.Arbitrary<string>;
  readonly instant: fc.Arbitrary<string>;
}

type Components = Readonly<Record<string, JsonSchema>>;

/** Values valid for `schema` (as far as its shape says; cross-field rules are the server's to check). */
export function validArbitrary(schema: JsonSchema, components: Components, hints: SchemaHints, field?: string, depth = 0): fc.Arbitrary<unknown> {
  const own = fromSchema(schema, components, hints, depth);
  const hint = field === undefined ? undefined : hints.fields[field];
  return hint ? fc.oneof({ weight: 3, arbitrary: hint }, { weight: 1, arbitrary: own }) : own;
}

function fromSchema(schema: JsonSchema, components: Components, hints: SchemaHints, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1)!;
    const target = components[name];
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    return fromSchema(target, components, hints, depth);
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => fromSchema(s, components, hints, depth)));
  if (schema.allOf) return fromSchema(Object.assign({}, ...schema.allOf), components, hints, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = schema.type;
  if (Array.isArray(type)) return fc.oneof(...type.map((t) => fromSchema({ ...schema, type: t }, components, hints, depth)));
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = Math.max(schema.minimum ?? -1000, schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -Infinity);
      const max = Math.min(schema.maximum ?? Math.max(min + 1000, 1000), schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Infinity);
      return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) });
    }
    case 'number': {
      const min = schema.minimum ?? schema.exclusiveMinimum ?? -1e6;
      const max = schema.maximum ?? schema.exclusiveMaximum ?? Math.max(min + 1e6, 1e6);
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: schema.exclusiveMinimum !== undefined, maxExcluded: schema.exclusiveMaximum !== undefined });
    }
    case 'string': {
      if (schema.format === 'date') return hints.date;
      if (schema.format === 'date-time') return hints.instant;
      if (schema.format === 'uuid') return hints.uuid;
      const minLength = schema.minLength ?? 0;
      return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 24, 24)) });
    }
    case 'array': {
      const items = schema.items ? fromSchema(schema.items, components, hints, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      return fc.array(items, { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validArbitrary(s, components, hints, k, depth + 1)])),
        { requiredKeys: (schema.required ?? []).filter((k) => k in properties) },
      );
      const extra = schema.additionalProperties;
      if (extra && typeof extra === 'object' && Object.keys(properties).length === 0 && depth < 3)
        return fc.dictionary(fc.string({ maxLength: 12 }), fromSchema(extra, components, hints, depth + 1), { maxKeys: 3 });
      return record;
    }
    default:
      // `{}`: any JSON (zod's unknown).
      return fc.jsonValue({ maxDepth: 2 });
  }
}
