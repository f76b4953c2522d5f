// For the extractors' tests: what the general path (JSON.parse, then resourceFacts) gives for a
// line, and a check that the extractor gives the same or nothing.
import assert from 'node:assert/strict';
import { defaultCodeTables } from '../fhir/code-tables.ts';
import type { ResourceFacts } from '../fhir/fact.ts';
import { resourceFacts } from '../fhir/resource-facts.ts';
import { extractFacts } from './extract.ts';

export const tables = defaultCodeTables();

/** What the general path gives for a line: its facts, or why it has none to give. */
export function general(text: string): ResourceFacts | 'invalid_json' | 'issue' {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'invalid_json';
  }
  const mapped = resourceFacts(parsed, tables);
  return mapped.ok ? mapped.value : 'issue';
}

/** The extractor answers as the general path, or not at all; returns whether it answered. */
export function agrees(text: string | Buffer): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const fast = extractFacts(bytes, 0, bytes.length, tables);
  if (fast === undefined) return false;
  const line = bytes.toString('utf8');
  const expected = general(line);
  assert.ok(typeof expected !== 'string', `answered where the general path gives ${String(expected)}: ${line}`);
  assert.deepStrictEqual(fast.facts, expected.facts, line);
  if (fast.facts.length > 0) assert.equal(fast.subject, expected.subject, line);
  return true;
}
