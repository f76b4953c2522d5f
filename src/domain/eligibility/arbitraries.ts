// fast-check generators of well-formed PatientRecords for the property tests: values near the
// HN2301 thresholds in the units labs send (and some they should not), dates around the screening
// date, unusable values, medications with and without doses, and questionnaire answers of every type.
import fc from 'fast-check';
import { addDays } from './dates.ts';
import {
  type AnswerFact,
  type ConditionFact,
  type MedicationFact,
  type ObservationFact,
  type ObservationFeature,
  observationFeatures,
  type PatientRecordInput,
  type ProcedureFact,
} from './patient-record.ts';

export const SCREENING = '2026-03-01';

const day = (offset: number) => addDays(SCREENING, offset);
/** Mostly inside the 28-day window, some stale, some after the screening date. */
const date = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -28, max: 0 }) }, fc.integer({ min: -400, max: 10 })).map(day);

const numbers: Record<ObservationFeature, { units: string[]; min: number; max: number }> = {
  anc: { units: ['10*9/L', '/uL', 'mg/dL'], min: 0, max: 4000 },
  alc: { units: ['10*9/L', '/uL'], min: 0, max: 3000 },
  hemoglobin: { units: ['g/L', 'g/dL', 'mmol/L', 'mg%'], min: 0, max: 160 },
  inr: { units: ['{INR}', 'INR'], min: 0.5, max: 3 },
  aptt: { units: ['s'], min: 20, max: 90 },
  lvef: { units: ['%'], min: 20, max: 70 },
  spo2: { units: ['%'], min: 80, max: 100 },
  alt: { units: ['U/L', 'ukat/L'], min: 5, max: 200 },
  ast: { units: ['U/L'], min: 5, max: 200 },
  bilirubin: { units: ['mg/dL', 'umol/L'], min: 0, max: 60 },
  creatinine: { units: ['mg/dL', 'umol/L'], min: 0, max: 200 },
  weight: { units: ['kg', 'lb'], min: 0, max: 150 },
  c3: { units: ['g/L', 'mg/dL'], min: 0, max: 150 },
  c4: { units: ['g/L', 'mg/dL'], min: 0, max: 50 },
  antiDsDna: { units: ['IU/mL'], min: 0, max: 400 },
  anaTiter: { units: ['{titer}'], min: 20, max: 1280 },
  urineHcg: { units: ['mIU/mL'], min: 0, max: 50 },
};

const value = (feature: ObservationFeature): fc.Arbitrary<ObservationFact['value']> => {
  const n = numbers[feature];
  return fc.oneof(
    // Tenths (as labs report) land on thresholds such as 1.5 or 2.0 exactly; doubles fill the rest.
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('quantity' as const),
        quantity: fc.record({
          value: fc.oneof(fc.integer({ min: n.min * 10, max: n.max * 10 }).map((v) => v / 10), fc.double({ min: n.min, max: n.max, noNaN: true })),
          unit: fc.constantFrom(...n.units),
        }),
      }),
    },
    fc.record({ kind: fc.constant('titer' as const), dilution: fc.constantFrom(40, 80, 160, 320) }),
    fc.record({ kind: fc.constant('coded' as const), result: fc.constantFrom('positive' as const, 'negative' as const, 'indeterminate' as const) }),
    fc.record({ kind: fc.constant('unusable' as const), problem: fc.record({ code: fc.constantFrom('unknown_unit' as const, 'incompatible_unit' as const, 'unreadable_value' as const, 'no_value' as const) }) }),
  );
};

let source = 0;
export const observationOf = (feature: ObservationFeature): fc.Arbitrary<ObservationFact> =>
  fc
    .record(
      { date, value: value(feature), lln: fc.double({ min: 0.01, max: 100, noNaN: true }), uln: fc.double({ min: 0.5, max: 100, noNaN: true }), onRoomAir: fc.boolean() },
      { requiredKeys: ['date', 'value'] },
    )
    .map((o) => ({ ...o, feature, source: `Observation/g${++source}` }));

export const condition: fc.Arbitrary<ConditionFact> = fc
  .record({ kind: fc.constantFrom('sle' as const, 'gilbert' as const, 'pregnancy' as const), onset: date, recorded: date, active: fc.boolean() }, { requiredKeys: ['kind', 'active'] })
  .map((c) => ({ ...c, source: `Condition/g${++source}` }));

const agents: Record<MedicationFact['class'], string[]> = {
  corticosteroid: ['prednisone', 'methylprednisolone', 'dexamethasone', 'hydrocortisone', 'fluocortolone'],
  hydroxychloroquine: ['hydroxychloroquine'],
  immunosuppressant: ['mycophenolate', 'azathioprine', 'tacrolimus', 'cyclophosphamide'],
  'growth-factor': ['filgrastim'],
  other: ['ibuprofen'],
};

export const medication: fc.Arbitrary<MedicationFact> = fc
  .constantFrom(...(Object.keys(agents) as MedicationFact['class'][]))
  .chain((cls) =>
    fc.record(
      {
        class: fc.constant(cls),
        agent: fc.constantFrom(...agents[cls]),
        dose: fc.record({ value: fc.double({ min: 0, max: 60, noNaN: true }), unit: fc.constantFrom('mg', 'g', 'ug', 'mL') }),
        perDay: fc.constantFrom(0.5, 1, 2, 3),
        start: fc.integer({ min: -900, max: 5 }).map(day),
        end: fc.integer({ min: -300, max: 30 }).map(day),
        problem: fc.record({ code: fc.constantFrom('unknown_unit' as const, 'unreadable_value' as const) }),
      },
      { requiredKeys: ['class', 'agent', 'start'] },
    ),
  )
  .map((m) => ({ ...m, source: `MedicationStatement/g${++source}` }));

export const procedure: fc.Arbitrary<ProcedureFact> = date.map((d) => ({ kind: 'transfusion' as const, date: d, source: `Procedure/g${++source}` }));

const linkIds: Record<AnswerFact['questionnaire'], string[]> = {
  'sledai-2k': ['arthritis', 'rash', 'proteinuria', 'low-complement', 'increased-dna-binding', 'seizure', 'fever'],
  'eular-acr-2019': ['ana', 'fever', 'joint-involvement', 'renal-biopsy-class-3-or-4', 'low-c3-or-low-c4', 'anti-dsdna-or-anti-smith'],
  'screening-attestations': ['dyspnea-grade', 'lactating', 'contraception-agreed'],
};

export const answerOf = (questionnaire: AnswerFact['questionnaire'], linkId: string): fc.Arbitrary<AnswerFact> =>
  fc
    .record(
      { value: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, fc.integer({ min: 0, max: 5 }), fc.constantFrom('yes', 'positive')), date },
      { requiredKeys: ['value'] },
    )
    .map((a) => ({ ...a, questionnaire, linkId, source: `QuestionnaireResponse/g${++source}` }));

export const anyAnswer: fc.Arbitrary<AnswerFact> = fc
  .constantFrom(...(Object.keys(linkIds) as AnswerFact['questionnaire'][]))
  .chain((q) => fc.constantFrom(...linkIds[q]).chain((l) => answerOf(q, l)));

export const questionnaireItems = linkIds;

export const patientRecord: fc.Arbitrary<PatientRecordInput> = fc.record(
  {
    birthDate: fc.integer({ min: -31_000, max: -4_000 }).map(day),
    sex: fc.constantFrom('female' as const, 'male' as const, 'other' as const, 'unknown' as const),
    observations: fc.subarray([...observationFeatures]).chain((features) => fc.tuple(...features.map((f) => fc.array(observationOf(f), { minLength: 1, maxLength: 2 }))).map((xs) => xs.flat())),
    conditions: fc.array(condition, { maxLength: 3 }),
    medications: fc.array(medication, { maxLength: 6 }),
    procedures: fc.array(procedure, { maxLength: 2 }),
    answers: fc.array(anyAnswer, { maxLength: 12 }),
  },
  { requiredKeys: ['observations', 'conditions', 'medications', 'procedures', 'answers'] },
);
