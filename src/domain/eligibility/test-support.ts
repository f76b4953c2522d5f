// Fixtures for the eligibility tests: PatientRecord facts built directly (not through FHIR), a
// patient who meets every HN2301 criterion on the screening date, and shorthands to evaluate one
// criterion. Plain throws rather than node:assert, so this non-test file keeps the domain's imports
// pure; the protocol files are loaded by src/protocols/test-support.ts.
import type { Protocol } from '../protocol/schema.ts';
import type { CriterionResult } from './criterion-result.ts';
import { evaluateProtocol } from './evaluate.ts';
import {
  type AnswerFact,
  type ConditionFact,
  type MedicationFact,
  type ObservationFact,
  PatientRecord,
  type PatientRecordInput,
  type ProcedureFact,
} from './patient-record.ts';

export const ASOF = '2026-03-01';
/** A date inside the 28-day window. */
export const RECENT = '2026-02-20';

let n = 0;
const src = (kind: string) => `${kind}/${++n}`;

type ObsExtra = Partial<Pick<ObservationFact, 'lln' | 'uln' | 'onRoomAir'>>;

export const qty = (feature: ObservationFact['feature'], value: number, unit: string, date = RECENT, extra: ObsExtra = {}): ObservationFact => ({
  feature,
  date,
  value: { kind: 'quantity', quantity: { value, unit } },
  source: src('Observation'),
  ...extra,
});

export const titer = (feature: ObservationFact['feature'], dilution: number, date = RECENT): ObservationFact => ({
  feature,
  date,
  value: { kind: 'titer', dilution },
  source: src('Observation'),
});

export const coded = (feature: ObservationFact['feature'], result: 'positive' | 'negative' | 'indeterminate', date = RECENT): ObservationFact => ({
  feature,
  date,
  value: { kind: 'coded', result },
  source: src('Observation'),
});

export const unusable = (feature: ObservationFact['feature'], code: 'unknown_unit' | 'unreadable_value', date = RECENT): ObservationFact => ({
  feature,
  date,
  value: { kind: 'unusable', problem: { code, detail: 'mg%' } },
  source: src('Observation'),
});

export const condition = (kind: ConditionFact['kind'], onset?: string, active = true): ConditionFact => ({
  kind,
  ...(onset === undefined ? {} : { onset }),
  active,
  source: src('Condition'),
});

export const med = (
  cls: MedicationFact['class'],
  agent: string,
  start: string,
  opts: { dose?: number; unit?: string; perDay?: number; end?: string; problem?: MedicationFact['problem'] } = {},
): MedicationFact => ({
  class: cls,
  agent,
  start,
  ...(opts.dose === undefined ? {} : { dose: { value: opts.dose, unit: opts.unit ?? 'mg' } }),
  ...(opts.perDay === undefined ? {} : { perDay: opts.perDay }),
  ...(opts.end === undefined ? {} : { end: opts.end }),
  ...(opts.problem === undefined ? {} : { problem: opts.problem }),
  source: src('MedicationStatement'),
});

export const transfusion = (date: string): ProcedureFact => ({ kind: 'transfusion', date, source: src('Procedure') });

export const answer = (questionnaire: AnswerFact['questionnaire'], linkId: string, value: AnswerFact['value'], date: string | undefined = RECENT): AnswerFact => ({
  questionnaire,
  linkId,
  value,
  ...(date === undefined ? {} : { date }),
  source: src('QuestionnaireResponse'),
});

export const sledai = (items: readonly string[], date: string | undefined = RECENT) => items.map((i) => answer('sledai-2k', i, true, date));
export const eular = (items: readonly string[]) => items.map((i) => answer('eular-acr-2019', i, true, '2025-12-01'));

/** Female, 35, meets every HN2301 criterion on ASOF (S1 SLEDAI-2K, C1 EULAR/ACR, G1-like CrCl). */
export function eligibleInput(): PatientRecordInput {
  return {
    id: 'P-001',
    birthDate: '1990-06-15',
    sex: 'female',
    observations: [
      qty('anc', 3.0, '10*9/L'),
      qty('alc', 1.2, '10*9/L'),
      qty('hemoglobin', 120, 'g/L'),
      qty('inr', 1.0, '{INR}', RECENT, { uln: 1.2 }),
      qty('aptt', 30, 's', RECENT, { uln: 40 }),
      qty('lvef', 60, '%'),
      qty('spo2', 98, '%', RECENT, { onRoomAir: true }),
      qty('alt', 30, 'U/L', RECENT, { uln: 40 }),
      qty('ast', 28, 'U/L', RECENT, { uln: 40 }),
      qty('bilirubin', 0.8, 'mg/dL'),
      qty('creatinine', 0.8, 'mg/dL'),
      qty('weight', 55, 'kg'),
      qty('c3', 0.6, 'g/L', RECENT, { lln: 0.9 }),
      qty('c4', 0.15, 'g/L', RECENT, { lln: 0.1 }),
      coded('antiDsDna', 'positive'),
      titer('anaTiter', 320),
      coded('urineHcg', 'negative'),
    ],
    conditions: [condition('sle', '2020-05-01')],
    medications: [
      med('corticosteroid', 'prednisone', '2025-09-01', { dose: 10 }),
      med('hydroxychloroquine', 'hydroxychloroquine', '2024-01-01', { dose: 200, perDay: 2 }),
      med('immunosuppressant', 'mycophenolate', '2025-06-01', { dose: 1000, perDay: 2 }),
      med('immunosuppressant', 'cyclophosphamide', '2023-01-01', { end: '2023-06-30' }),
    ],
    procedures: [],
    answers: [
      ...sledai(['arthritis', 'rash', 'mucosal-ulcers', 'low-complement', 'increased-dna-binding']),
      ...eular(['fever', 'non-scarring-alopecia', 'oral-ulcers', 'joint-involvement', 'low-c3-or-low-c4', 'anti-dsdna-or-anti-smith']),
      answer('screening-attestations', 'dyspnea-grade', 0),
      answer('screening-attestations', 'lactating', false),
      answer('screening-attestations', 'contraception-agreed', true),
    ],
  };
}

export const record = (input: PatientRecordInput): PatientRecord => PatientRecord.parse(input);

/** The eligible patient with some facts changed: `edit` receives a fresh copy of the input. */
export function patient(edit: (r: PatientRecordInput & Required<Pick<PatientRecordInput, 'observations' | 'conditions' | 'medications' | 'procedures' | 'answers'>>) => void = () => {}): PatientRecord {
  const input = eligibleInput() as Parameters<typeof edit>[0];
  edit(input);
  return record(input);
}

/** Drops every observation of a feature (to add a variant of it). */
export function without(input: { observations: ObservationFact[] }, ...features: ObservationFact['feature'][]): void {
  input.observations = input.observations.filter((o) => !features.includes(o.feature));
}

/** `criterion` and `statusOf` for one protocol (another one, or another date, as optional arguments). */
export function screenWith(defaultProtocol: Protocol) {
  const criterion = (r: PatientRecord, id: string, protocol: Protocol = defaultProtocol, asOf = ASOF): CriterionResult => {
    const c = evaluateProtocol(protocol, r, asOf).criteria.find((x) => x.id === id);
    if (!c) throw new Error(`no criterion ${id}`);
    return c;
  };
  const statusOf = (r: PatientRecord, id: string, protocol: Protocol = defaultProtocol, asOf = ASOF) => criterion(r, id, protocol, asOf).status;
  return { criterion, statusOf };
}

/** The protocol with one switch decided. */
export function withSwitch(protocol: Protocol, name: string, value: string): Protocol {
  const s = protocol.switches[name];
  if (!s) throw new Error(`no switch ${name}`);
  return { ...protocol, switches: { ...protocol.switches, [name]: { ...s, value } } };
}

export const missingCodes = (c: CriterionResult) => c.missing.map((m) => `${m.item}:${m.code}`);
