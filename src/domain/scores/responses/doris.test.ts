import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doris } from './doris.ts';
import { issueSummary, issuesOf, outputOf, run } from './test-support.ts';

/** Case L1 of domain.md §7: serology-only SLEDAI-2K 4, PGA 0.40, prednisone 5, HCQ + stable MMF. */
const l1 = {
  sledai2k: { items: ['low-complement', 'increased-dna-binding'] },
  pga: 0.4,
  prednisoneMgPerDay: 5,
  immunosuppressantsStable: true,
};
const failed = (changes: Record<string, unknown>) => outputOf(doris, { ...l1, ...changes }).failed;
const drugFree = { drugFree: true, prednisoneMgPerDay: 0, onImmunosuppressants: false, onBiologics: false };

describe('DORIS worked examples (domain.md §7 L1–L3)', () => {
  it('L1: clinical SLEDAI-2K 0 (serology ignored), PGA 0.40 < 0.5, prednisone 5 ≤ 5, stable MMF: remission', () => {
    assert.deepEqual(outputOf(doris, l1), { met: true, failed: [] });
  });

  it('L2: as L1 with prednisone 7.5 mg/day: not in remission', () => {
    assert.deepEqual(outputOf(doris, { ...l1, prednisoneMgPerDay: 7.5 }), { met: false, failed: ['prednisone-above-5'] });
  });

  it('L3: proteinuria only (clinical SLEDAI-2K 4), PGA 0.8, prednisone 5: not in remission', () => {
    assert.deepEqual(outputOf(doris, { ...l1, sledai2k: { items: ['proteinuria'] }, pga: 0.8 }), {
      met: false,
      failed: ['clinical-sledai2k-not-0', 'pga-not-below-0.5'],
    });
  });
});

describe('DORIS criteria and boundaries (2021, §4.3)', () => {
  it('ignores serology but not laboratory clinical items', () => {
    assert.deepEqual(failed({ sledai2k: { items: ['low-complement'] } }), []);
    assert.deepEqual(failed({ sledai2k: { items: [] } }), []);
    for (const item of ['thrombocytopenia', 'leukopenia', 'hematuria', 'pyuria', 'urinary-casts', 'fever', 'alopecia'])
      assert.deepEqual(failed({ sledai2k: { items: [item] } }), ['clinical-sledai2k-not-0'], item);
  });

  it('PGA exactly 0.5 is not below 0.5; 0.49 is', () => {
    assert.deepEqual(failed({ pga: 0.5 }), ['pga-not-below-0.5']);
    assert.deepEqual(failed({ pga: 0.49 }), []);
    assert.deepEqual(failed({ pga: 0 }), []);
  });

  it('prednisone exactly 5 mg/day meets the default bound (≤ 5); 5.01 does not', () => {
    assert.deepEqual(failed({ prednisoneMgPerDay: 5 }), []);
    assert.deepEqual(failed({ prednisoneMgPerDay: 5, prednisoneBound: 'at-most-5' }), []);
    assert.deepEqual(failed({ prednisoneMgPerDay: 5.01 }), ['prednisone-above-5']);
  });

  it('under the "below-5" bound (§4.3 [A]), exactly 5 mg/day fails and 4.99 passes', () => {
    assert.deepEqual(failed({ prednisoneMgPerDay: 5, prednisoneBound: 'below-5' }), ['prednisone-not-below-5']);
    assert.deepEqual(failed({ prednisoneMgPerDay: 4.99, prednisoneBound: 'below-5' }), []);
    assert.deepEqual(failed({ prednisoneMgPerDay: 0, prednisoneBound: 'below-5' }), []);
  });

  it('reads glucocorticoids as prednisone-equivalent: methylprednisolone 4 mg is 5 mg', () => {
    const gc = { prednisoneMgPerDay: undefined, glucocorticoids: [{ drug: 'methylprednisolone', dose: { value: 4, unit: 'mg' } }] };
    assert.deepEqual(failed(gc), []);
    assert.deepEqual(failed({ ...gc, prednisoneBound: 'below-5' }), ['prednisone-not-below-5']);
  });

  it('unstable immunosuppressants or biologics fail; both default to stable', () => {
    assert.deepEqual(failed({ immunosuppressantsStable: false }), ['immunosuppressants-not-stable']);
    assert.deepEqual(failed({ biologicsStable: false }), ['biologics-not-stable']);
    assert.deepEqual(failed({ immunosuppressantsStable: undefined, biologicsStable: undefined }), []);
  });

  it('drug-free remission needs 0 mg glucocorticoid and no immunosuppressant or biologic', () => {
    assert.deepEqual(failed(drugFree), []);
    assert.deepEqual(failed({ ...drugFree, prednisoneMgPerDay: 5 }), ['not-drug-free']);
    assert.deepEqual(failed({ ...drugFree, prednisoneMgPerDay: 7.5 }), ['prednisone-above-5', 'not-drug-free']);
    assert.deepEqual(failed({ ...drugFree, onImmunosuppressants: true }), ['not-drug-free']);
    assert.deepEqual(failed({ ...drugFree, onBiologics: true }), ['not-drug-free']);
    const { prednisoneMgPerDay: _, ...noDoseGiven } = { ...l1, ...drugFree };
    assert.deepEqual(outputOf(doris, noDoseGiven), { met: true, failed: [] });
    // Off-treatment flags are ignored unless drug-free remission is asked for.
    assert.deepEqual(failed({ onImmunosuppressants: true, onBiologics: true }), []);
  });

  it('explains why a patient is not drug-free', () => {
    const r = run(doris, { ...l1, ...drugFree, prednisoneMgPerDay: 2.5, onBiologics: true });
    assert.ok(r.ok);
    const steps = r.value.explanation.filter((s) => s.code.startsWith('doris.drug-free'));
    assert.deepEqual(steps, [
      { code: 'doris.drug-free.glucocorticoid', params: { mgPerDay: 2.5 } },
      { code: 'doris.drug-free.biologics', params: {} },
      { code: 'doris.drug-free.not-met', params: {} },
    ]);
  });

  it('explains every criterion with the numbers compared, then the verdict', () => {
    const r = run(doris, { ...l1, sledai2k: { items: ['proteinuria', 'low-complement'] }, pga: 0.5 });
    assert.ok(r.ok);
    assert.deepEqual(r.value.explanation, [
      { code: 'responses.prednisone-given', params: { mgPerDay: 5 } },
      { code: 'doris.serology-ignored', params: { items: ['low-complement'] } },
      { code: 'doris.clinical-sledai2k.not-met', params: { clinical: 4, items: ['proteinuria'] } },
      { code: 'doris.pga.not-met', params: { pga: 0.5, limit: 0.5 } },
      { code: 'doris.prednisone-at-most-5.met', params: { mgPerDay: 5, limit: 5 } },
      { code: 'doris.immunosuppressants.met', params: {} },
      { code: 'doris.biologics.met', params: {} },
      { code: 'doris.not-met', params: { failed: ['clinical-sledai2k-not-0', 'pga-not-below-0.5'] } },
    ]);
  });
});

describe('DORIS input validation', () => {
  const summary = (input: Record<string, unknown>) => issueSummary(issuesOf(doris, input));

  it('names the offending field', () => {
    assert.deepEqual(summary({ ...l1, pga: 3.01 }), ['pga: too_big']);
    assert.deepEqual(summary({ ...l1, pga: undefined }), ['pga: required']);
    assert.deepEqual(summary({ ...l1, prednisoneMgPerDay: -0.5 }), ['prednisoneMgPerDay: too_small']);
    assert.deepEqual(summary({ ...l1, prednisoneBound: '<5' }), ['prednisoneBound: invalid_choice']);
    assert.deepEqual(summary({ ...l1, drugFree: 'yes' }), ['drugFree: invalid_type']);
    assert.deepEqual(summary({ ...l1, sledai2k: undefined }), ['sledai2k: required']);
    assert.deepEqual(summary({ ...l1, remission: true }), ['remission: unknown_field']);
  });

  it('refuses a dose given both ways', () => {
    assert.deepEqual(summary({ ...l1, glucocorticoids: [{ drug: 'prednisone', dose: { value: 5, unit: 'mg' } }] }), [
      'glucocorticoids: mutually_exclusive',
    ]);
  });

  it('requires the off-treatment flags for drug-free remission, so an unrecorded drug cannot pass', () => {
    assert.deepEqual(summary({ ...l1, drugFree: true }), ['onImmunosuppressants: required', 'onBiologics: required']);
    assert.deepEqual(summary({ ...l1, drugFree: true, onImmunosuppressants: false }), ['onBiologics: required']);
  });
});
