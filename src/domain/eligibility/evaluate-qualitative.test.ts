// I7 serology (ANA+ and/or anti-dsDNA+ and/or C3/C4 < LLN at screening) and I15 pregnancy,
// lactation and contraception (domain.md §0.1).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hn2301 } from '../../protocols/test-support.ts';
import { answer, coded, condition, missingCodes, patient, qty, screenWith, titer, without } from './test-support.ts';

const { criterion, statusOf } = screenWith(hn2301);

describe('serology (I7)', () => {
  // Everything negative or normal, then one positive at a time.
  const base = (edit: (r: Parameters<NonNullable<Parameters<typeof patient>[0]>>[0]) => void = () => {}) =>
    patient((r) => {
      without(r, 'anaTiter', 'antiDsDna', 'c3', 'c4');
      r.observations.push(titer('anaTiter', 40), coded('antiDsDna', 'negative'), qty('c3', 1.0, 'g/L', undefined, { lln: 0.9 }), qty('c4', 0.2, 'g/L', undefined, { lln: 0.1 }));
      edit(r);
    });

  it('all negative and normal → not met', () => {
    const c = criterion(base(), 'serology');
    assert.equal(c.status, 'not-met');
    assert.equal(c.reason.code, 'none_met');
  });

  it('ANA 1:80 met (1:40 is not positive); anti-dsDNA positive met; C3 or C4 below LLN met', () => {
    assert.equal(statusOf(base((r) => r.observations.push(titer('anaTiter', 80, '2026-02-25'))), 'serology'), 'met');
    assert.equal(statusOf(base((r) => r.observations.push(coded('antiDsDna', 'positive', '2026-02-25'))), 'serology'), 'met');
    assert.equal(statusOf(base((r) => r.observations.push(qty('c3', 0.89, 'g/L', '2026-02-25', { lln: 0.9 }))), 'serology'), 'met');
    assert.equal(statusOf(base((r) => r.observations.push(qty('c4', 9, 'mg/dL', '2026-02-25', { lln: 10 }))), 'serology'), 'met');
    assert.equal(statusOf(base((r) => r.observations.push(qty('c3', 0.9, 'g/L', '2026-02-25', { lln: 0.9 }))), 'serology'), 'not-met', 'at the LLN is not below it');
  });

  it('anti-dsDNA as a quantity is positive above its ULN (IU/mL needs no unit table)', () => {
    assert.equal(statusOf(base((r) => r.observations.push(qty('antiDsDna', 150, 'IU/mL', '2026-02-25', { uln: 100 }))), 'serology'), 'met');
    assert.equal(statusOf(base((r) => r.observations.push(qty('antiDsDna', 100, 'IU/mL', '2026-02-25', { uln: 100 }))), 'serology'), 'not-met');
  });

  it('nothing measured in the window → unknown, listing each test that would settle it', () => {
    const c = criterion(patient((r) => without(r, 'anaTiter', 'antiDsDna', 'c3', 'c4')), 'serology');
    assert.equal(c.status, 'unknown');
    assert.deepEqual(missingCodes(c), ['anaTiter:no_result_in_window', 'antiDsDna:no_result_in_window', 'c3:no_result_in_window', 'c4:no_result_in_window']);
  });

  it('an ANA positive only before the window does not count at screening', () => {
    const r = base((x) => {
      without(x, 'anaTiter');
      x.observations.push(titer('anaTiter', 640, '2025-06-01'));
    });
    const c = criterion(r, 'serology');
    assert.equal(c.status, 'unknown', 'the stale ANA leaves ANA unknown; the rest is negative');
    assert.deepEqual(missingCodes(c), ['anaTiter:result_too_old']);
  });
});

describe('pregnancy (I15)', () => {
  const attest = (linkId: string, value: boolean | undefined) =>
    patient((r) => {
      r.answers = r.answers.filter((a) => a.linkId !== linkId);
      if (value !== undefined) r.answers.push(answer('screening-attestations', linkId, value));
    });

  it('a woman with a negative hCG, not lactating, agreeing to contraception → met', () => {
    assert.equal(statusOf(patient(), 'pregnancy'), 'met');
  });

  it('a man needs no hCG and no lactation answer, only the contraception agreement', () => {
    const man = patient((r) => {
      r.sex = 'male';
      without(r, 'urineHcg');
      r.answers = r.answers.filter((a) => a.linkId !== 'lactating');
    });
    assert.equal(statusOf(man, 'pregnancy'), 'met');
    const refuses = patient((r) => {
      r.sex = 'male';
      r.answers = r.answers.filter((a) => a.linkId !== 'contraception-agreed');
      r.answers.push(answer('screening-attestations', 'contraception-agreed', false));
    });
    assert.equal(statusOf(refuses, 'pregnancy'), 'not-met');
  });

  it('a woman without an hCG in the window → unknown (the test is required)', () => {
    const c = criterion(patient((r) => without(r, 'urineHcg')), 'pregnancy');
    assert.equal(c.status, 'unknown');
    assert.deepEqual(missingCodes(c), ['urineHcg:no_result_in_window']);
  });

  it('positive hCG, an active pregnancy, or lactating → not met', () => {
    assert.equal(statusOf(patient((r) => r.observations.push(coded('urineHcg', 'positive', '2026-02-27'))), 'pregnancy'), 'not-met');
    assert.equal(statusOf(patient((r) => r.conditions.push(condition('pregnancy', '2026-01-10'))), 'pregnancy'), 'not-met');
    assert.equal(statusOf(patient((r) => r.conditions.push(condition('pregnancy', '2025-01-10', false))), 'pregnancy'), 'met', 'a resolved pregnancy');
    assert.equal(statusOf(attest('lactating', true), 'pregnancy'), 'not-met');
  });

  it('contraception not agreed → not met; not answered → unknown', () => {
    assert.equal(statusOf(attest('contraception-agreed', false), 'pregnancy'), 'not-met');
    assert.deepEqual(missingCodes(criterion(attest('contraception-agreed', undefined), 'pregnancy')), ['contraception-agreed:not_answered']);
  });

  it('sex not recorded: settled by the female branch when it holds, else unknown', () => {
    assert.equal(statusOf(patient((r) => { delete r.sex; }), 'pregnancy'), 'met');
    const c = criterion(
      patient((r) => {
        delete r.sex;
        without(r, 'urineHcg');
      }),
      'pregnancy',
    );
    assert.equal(c.status, 'unknown');
    assert.deepEqual(missingCodes(c), ['sex:sex_unknown', 'urineHcg:no_result_in_window']);
  });
});
