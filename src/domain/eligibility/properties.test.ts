// Properties of the evaluation over generated records (arbitraries.ts):
// 1. it never throws on a well-formed PatientRecord, and its results are consistent (the verdict
//    follows the statuses; an unknown lists what is missing; a settled result lists nothing);
// 2. adding a fact that was absent never turns a criterion from not-met into met, except the
//    criteria that read that kind of fact as "absent = none" (medications, conditions, procedures,
//    a questionnaire's items): Kleene's logic is monotone in information, so a missing lab or
//    attribute can only have made a criterion unknown, never not met.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { anyAnswer, condition, medication, observationOf, patientRecord, procedure, SCREENING } from './arbitraries.ts';
import type { ScreeningResult } from './criterion-result.ts';
import { evaluateProtocol } from './evaluate.ts';
import { observationFeatures, PatientRecord, type PatientRecordInput } from './patient-record.ts';
import { example, hn2301 } from '../../protocols/test-support.ts';
import { withSwitch } from './test-support.ts';

const protocols = [
  hn2301,
  withSwitch(hn2301, 'coagulation', 'both'),
  withSwitch(hn2301, 'coagulation', 'either'),
  withSwitch(hn2301, 'zero-steroid-with-immunosuppressant', 'not-eligible'),
  withSwitch(hn2301, 'hcq-counts-as-agent', 'hcq-or-two-immunosuppressants'),
  example,
];

function consistent(r: ScreeningResult) {
  const statuses = r.criteria.map((c) => c.status);
  const expected = statuses.includes('not-met') ? 'no' : statuses.includes('unknown') ? 'undetermined' : 'yes';
  assert.equal(r.eligible, expected);
  for (const c of r.criteria) {
    if (c.status === 'unknown') assert.ok(c.missing.length > 0, `${c.id} unknown without missing`);
    else assert.deepEqual(c.missing, [], `${c.id} settled but lists missing`);
    assert.equal(typeof c.reason.code, 'string');
  }
}

describe('evaluation properties', () => {
  it('never throws on a well-formed record, under every switch reading and the example protocol', () => {
    fc.assert(
      fc.property(patientRecord, fc.constantFrom(...protocols), fc.constantFrom(SCREENING, '2026-02-29', '2025-12-31'), (input, protocol, asOf) => {
        consistent(evaluateProtocol(protocol, PatientRecord.parse(input), asOf));
      }),
      { numRuns: 400 },
    );
  });

  it('adding a fact that was absent never turns another criterion from not-met into met', () => {
    // Which criteria read a kind of fact with "not on record = none": they may legitimately flip.
    const readers = {
      observation: [] as string[],
      attribute: [] as string[],
      medication: ['standard-therapy', 'corticosteroid-dose', 'prior-immunosuppressants', 'bone-marrow'],
      procedure: ['bone-marrow', 'recent-transfusion'],
      sle: ['sle-duration'],
      gilbert: ['hepatic'],
      pregnancy: ['pregnancy', 'pregnant'],
      'sledai-2k': ['sledai-2k'],
      'eular-acr-2019': ['sle-classification'],
      'screening-attestations': ['pulmonary', 'pregnancy'],
    };
    type Addition = { kind: keyof typeof readers; add: (r: PatientRecordInput) => PatientRecordInput };
    const addition = (r: PatientRecordInput): fc.Arbitrary<Addition> => {
      const present = new Set((r.observations ?? []).map((o) => o.feature));
      const absent = observationFeatures.filter((f) => !present.has(f));
      const options: fc.Arbitrary<Addition>[] = [
        medication.map((m) => ({ kind: 'medication' as const, add: (x) => ({ ...x, medications: [...(x.medications ?? []), m] }) })),
        procedure.map((p) => ({ kind: 'procedure' as const, add: (x) => ({ ...x, procedures: [...(x.procedures ?? []), p] }) })),
        condition.map((c) => ({ kind: c.kind, add: (x) => ({ ...x, conditions: [...(x.conditions ?? []), c] }) })),
        anyAnswer
          .filter((a) => !(r.answers ?? []).some((b) => b.questionnaire === a.questionnaire && b.linkId === a.linkId))
          .map((a) => ({ kind: a.questionnaire, add: (x) => ({ ...x, answers: [...(x.answers ?? []), a] }) })),
      ];
      if (absent.length > 0)
        options.push(
          fc.constantFrom(...absent).chain(observationOf).map((o) => ({ kind: 'observation' as const, add: (x) => ({ ...x, observations: [...(x.observations ?? []), o] }) })),
        );
      if (r.birthDate === undefined) options.push(fc.constant({ kind: 'attribute' as const, add: (x) => ({ ...x, birthDate: '1980-05-05' }) }));
      if (r.sex === undefined) options.push(fc.constantFrom('female' as const, 'male' as const).map((sex) => ({ kind: 'attribute' as const, add: (x) => ({ ...x, sex }) })));
      return fc.oneof(...options);
    };
    let flips = 0;
    fc.assert(
      fc.property(
        patientRecord.chain((r) => fc.tuple(fc.constant(r), addition(r))),
        fc.constantFrom(...protocols),
        ([input, { kind, add }], protocol) => {
          const before = evaluateProtocol(protocol, PatientRecord.parse(input), SCREENING);
          const after = evaluateProtocol(protocol, PatientRecord.parse(add(input)), SCREENING);
          before.criteria.forEach((b, i) => {
            const a = after.criteria[i]!;
            if (b.status !== a.status) flips++;
            if (readers[kind].includes(b.id)) return;
            assert.ok(!(b.status === 'not-met' && a.status === 'met'), `${b.id} went not-met → met after adding a ${kind}`);
          });
        },
      ),
      { numRuns: 600 },
    );
    assert.ok(flips > 50, `too few status changes (${flips}) for the property to mean much`);
  });
});
