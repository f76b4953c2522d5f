// Exclusion criteria, shown in protocols/example-with-exclusions.yaml (HN2301 publishes none): the
// rule describes the excluding condition; the criterion is met when the patient is clear of it,
// not met when it holds, unknown when the rule is unknown (protocol/schema.ts, Criterion.kind).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateProtocol } from './evaluate.ts';
import { example } from '../../protocols/test-support.ts';
import { ASOF, coded, condition, missingCodes, patient, qty, screenWith, transfusion, without } from './test-support.ts';

const { criterion } = screenWith(example);

describe('protocols/example-with-exclusions.yaml', () => {
  it('validates, is marked as an example, and mixes inclusion and exclusion criteria', () => {
    assert.match(example.identity.title.en, /EXAMPLE \(fictional\)/);
    assert.deepEqual(example.criteria.map((c) => [c.id, c.kind]), [
      ['adult', 'inclusion'], ['renal-function', 'inclusion'], ['liver-injury', 'exclusion'], ['recent-transfusion', 'exclusion'], ['pregnant', 'exclusion'],
    ]);
  });

  it('liver-injury (excluded when ALT > 3×ULN): clear → met, ALT high → not met, no ALT → unknown', () => {
    const alt = (value: number, uln?: number) => patient((r) => { without(r, 'alt'); r.observations.push(qty('alt', value, 'U/L', undefined, uln === undefined ? {} : { uln })); });
    const clear = criterion(alt(120, 40), 'liver-injury', example);
    assert.deepEqual([clear.kind, clear.status], ['exclusion', 'met'], 'exactly 3×ULN is not above it');
    const excluded = criterion(alt(121, 40), 'liver-injury', example);
    assert.equal(excluded.status, 'not-met');
    assert.equal(excluded.reason.code, 'lab_limit_met', 'the reason states the excluding finding');
    assert.equal(criterion(alt(130), 'liver-injury', example).status, 'not-met', 'the site ULN of 40 U/L applies without a result range');
    const none = criterion(patient((r) => without(r, 'alt')), 'liver-injury', example);
    assert.equal(none.status, 'unknown');
    assert.deepEqual(missingCodes(none), ['alt:no_result_in_window']);
  });

  it('recent-transfusion: none → met; one 10 days before screening → not met', () => {
    assert.equal(criterion(patient(), 'recent-transfusion', example).status, 'met');
    assert.equal(criterion(patient((r) => r.procedures.push(transfusion('2026-02-19'))), 'recent-transfusion', example).status, 'not-met');
  });

  it('pregnant: a man is clear without a test; a woman is unknown without one, excluded when positive', () => {
    assert.equal(criterion(patient((r) => { r.sex = 'male'; without(r, 'urineHcg'); }), 'pregnant', example).status, 'met');
    assert.equal(criterion(patient(), 'pregnant', example).status, 'met', 'negative test');
    assert.equal(criterion(patient((r) => without(r, 'urineHcg')), 'pregnant', example).status, 'unknown');
    assert.equal(criterion(patient((r) => r.observations.push(coded('urineHcg', 'positive', '2026-02-28'))), 'pregnant', example).status, 'not-met');
    assert.equal(criterion(patient((r) => r.conditions.push(condition('pregnancy', '2026-01-15'))), 'pregnant', example).status, 'not-met');
  });

  it('an exclusion that holds makes the patient ineligible', () => {
    const r = evaluateProtocol(example, patient((x) => x.procedures.push(transfusion('2026-02-25'))), ASOF);
    assert.equal(r.eligible, 'no');
    assert.equal(evaluateProtocol(example, patient(), ASOF).eligible, 'yes');
  });
});
