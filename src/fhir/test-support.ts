// Builders for FHIR test resources, and helpers that unwrap resourceFacts for assertions.
import assert from 'node:assert/strict';
import type { Issue } from '../domain/result.ts';
import { defaultCodeTables } from './code-tables.ts';
import type { CodeTables } from './code-tables-types.ts';
import type { Fact } from './fact.ts';
import type { Json } from './fhir-read.ts';
import { type ResourceOptions, resourceFacts } from './resource-facts.ts';

export const tables = defaultCodeTables();

export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const ATC = 'http://www.whocc.no/atc';
export const UCUM = 'http://unitsofmeasure.org';

export const concept = (system: string, code: string, display?: string) => ({ coding: [display ? { system, code, display } : { system, code }] });

export const quantity = (value: number, code: string) => ({ value, unit: code, system: UCUM, code });

export function observation(code: string, fields: Json = {}): Json {
  return {
    resourceType: 'Observation',
    id: 'o1',
    status: 'final',
    code: concept(LOINC, code),
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2026-01-10',
    ...fields,
  };
}

export function condition(code: string, fields: Json = {}): Json {
  return { resourceType: 'Condition', id: 'c1', code: concept(SNOMED, code), subject: { reference: 'Patient/p1' }, ...fields };
}

export function medicationStatement(atc: string, fields: Json = {}): Json {
  return {
    resourceType: 'MedicationStatement',
    id: 'm1',
    status: 'active',
    medicationCodeableConcept: concept(ATC, atc),
    subject: { reference: 'Patient/p1' },
    effectivePeriod: { start: '2025-06-01' },
    ...fields,
  };
}

/** dosage[0] with a dose and `frequency` per `period` `periodUnit`. */
export function dosage(value: number, unit: string, frequency?: number, period?: number, periodUnit?: string) {
  const repeat: Json = {};
  if (frequency !== undefined) repeat['frequency'] = frequency;
  if (period !== undefined) repeat['period'] = period;
  if (periodUnit !== undefined) repeat['periodUnit'] = periodUnit;
  return [{ doseAndRate: [{ doseQuantity: quantity(value, unit) }], ...(period === undefined ? {} : { timing: { repeat } }) }];
}

export function factsOf(resource: unknown, options: ResourceOptions = {}, t: CodeTables = tables): readonly Fact[] {
  const r = resourceFacts(resource, t, [], options);
  assert.ok(r.ok, `unexpected issues: ${JSON.stringify(!r.ok && r.issues)}`);
  return r.value.facts;
}

/** The one fact's payload (asserting there is exactly one). */
export function onlyFact(resource: unknown, options: ResourceOptions = {}, t: CodeTables = tables): unknown {
  const facts = factsOf(resource, options, t);
  assert.equal(facts.length, 1, `expected one fact, got ${JSON.stringify(facts)}`);
  const f = facts[0]!;
  return f.kind === 'patient' ? f : f.fact;
}

export function issuesOf(resource: unknown, path: (string | number)[] = [], options: ResourceOptions = {}): readonly Issue[] {
  const r = resourceFacts(resource, tables, path, options);
  assert.ok(!r.ok, `expected issues, got ${JSON.stringify(r.ok && r.value)}`);
  return r.issues;
}
