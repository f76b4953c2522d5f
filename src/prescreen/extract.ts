// The facts of one NDJSON line read from its bytes by the extractor of its resource type, for the
// shapes an export nearly always has: lab results (extract-observation.ts, three resources in four)
// and questionnaire responses (extract-answers.ts, a few dozen answers each). Any other line, or
// one these are not sure of, is undefined: the caller then takes the general path (the sparse reader
// or JSON.parse, then resourceFacts), which stays the definition. An answer here is always the one
// resourceFacts gives for JSON.parse of the line, with no issue.
import type { CodeTables } from '../fhir/code-tables-types.ts';
import type { ResourceFacts } from '../fhir/fact.ts';
import { normalisePatientReference } from '../fhir/fhir-read.ts';
import { answerFacts } from './extract-answers.ts';
import { observationFacts, templateFact } from './extract-observation.ts';
import { learn, readByTemplate } from './extract-template.ts';
import { notSure, plainEnd, spells, ws } from './json-bytes.ts';

/** What resourceFacts gives for the resource on bytes [start, end), when it has no issue; else undefined. */
export function extractFacts(b: Buffer, start: number, end: number, tables: CodeTables): ResourceFacts | undefined {
  const e = end;
  const known = readByTemplate(b, start, end, tables, normalisePatientReference);
  if (known !== undefined) return known;
  try {
    let i = ws(b, start, e);
    if (i >= e || b[i] !== 0x7b) return undefined;
    i = ws(b, i + 1, e);
    // The first key must be resourceType: it decides which extractor reads the rest.
    if (i >= e || b[i] !== 0x22) return undefined;
    const keyEnd = plainEnd(b, i, e);
    if (!spells(b, i + 1, keyEnd, 'resourceType')) return undefined;
    i = ws(b, keyEnd + 1, e);
    if (i >= e || b[i] !== 0x3a) return undefined;
    i = ws(b, i + 1, e);
    if (i >= e || b[i] !== 0x22) return undefined;
    const typeEnd = plainEnd(b, i, e);
    if (spells(b, i + 1, typeEnd, 'Observation')) {
      const facts = observationFacts(b, typeEnd + 1, e, tables, normalisePatientReference);
      if (templateFact !== undefined) learn(b, start, end, templateFact);
      return facts;
    }
    if (spells(b, i + 1, typeEnd, 'QuestionnaireResponse')) return answerFacts(b, typeEnd + 1, e, normalisePatientReference);
    return undefined;
  } catch (error) {
    if (error === notSure) return undefined;
    // JSON.parse of a value the scan accepted; never expected.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
