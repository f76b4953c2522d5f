// Code tables: which LOINC / SNOMED CT / ATC codes map to which FirstDose feature. The defaults
// (code-tables/default.json, sources in SOURCES.md) are read from disk once; a site passes its own
// tables as extensions, validated with the same schema and merged onto the defaults. The result is
// compiled into Maps keyed by system then code, so that mapping a resource costs a few lookups.
import { readFileSync } from 'node:fs';
import type { ObservationFeature } from '../domain/eligibility/patient-record.ts';
import { fail, type Issue, issue, nestIssues, type Result } from '../domain/result.ts';
import { parseInput } from '../domain/validation.ts';
import { CodeTableDocument } from './code-tables-schema.ts';
import { compileTables } from './code-tables-compile.ts';
import type { CodeTables } from './code-tables-types.ts';
import { mergeDocuments } from './code-tables-merge.ts';

const defaultUrl = new URL('./code-tables/default.json', import.meta.url);

let defaultDocument: Result<CodeTableDocument> | undefined;
let defaultTables: Result<CodeTables> | undefined;

function readDefault(): Result<CodeTableDocument> {
  if (defaultDocument) return defaultDocument;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(defaultUrl, 'utf8'));
  } catch (error) {
    return fail(issue(['default'], 'unreadable', { detail: String(error) }));
  }
  const parsed = parseInput(CodeTableDocument, json);
  defaultDocument = parsed.ok ? parsed : { ok: false, issues: nestIssues(['default'], parsed.issues) };
  return defaultDocument;
}

/**
 * The default code tables with each site extension merged on in order. Every extension is checked
 * against the table schema; issues are located as `['extensions', i, …field]`.
 */
export function loadCodeTables(extensions: readonly unknown[] = []): Result<CodeTables> {
  const base = readDefault();
  if (!base.ok) return base;
  if (extensions.length === 0) {
    defaultTables ??= compileTables(base.value);
    return defaultTables;
  }
  const issues: Issue[] = [];
  let merged = base.value;
  extensions.forEach((extension, i) => {
    const parsed = parseInput(CodeTableDocument, extension);
    if (parsed.ok) merged = mergeDocuments(merged, parsed.value);
    else issues.push(...nestIssues(['extensions', i], parsed.issues));
  });
  if (issues.length > 0) return { ok: false, issues };
  return compileTables(merged);
}

/** For tests and scripts where a broken default table is a bug. */
export function defaultCodeTables(): CodeTables {
  const tables = loadCodeTables();
  if (!tables.ok) throw new Error(`default code tables are invalid: ${JSON.stringify(tables.issues[0])}`);
  return tables.value;
}

/**
 * The role of an observation code (primary, alternate, lowPreference, deprecated): an evaluator that
 * has several results in a window can prefer primary and alternate codes over lowPreference ones.
 * ObservationFact keeps only the code, so the role is looked up here.
 */
export function observationCodeRole(tables: CodeTables, code: string, system = 'http://loinc.org') {
  return tables.observations.get(system)?.get(code)?.role;
}

export function featureOfCode(tables: CodeTables, code: string, system = 'http://loinc.org'): ObservationFeature | undefined {
  return tables.observations.get(system)?.get(code)?.feature;
}
