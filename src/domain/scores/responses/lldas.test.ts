import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sledai2kItems } from '../sledai2k.ts';
import { lldas, lldasMajorOrganItems } from './lldas.ts';
import { issueSummary, issuesOf, outputOf, run } from './test-support.ts';

/** Case L1 of domain.md §7: serology-only SLEDAI-2K 4, PGA 0.40, prednisone 5, HCQ + stable MMF. */
const l1 = {
  sledai2k: { items: ['low-complement', 'increased-dna-binding'] },
  newFeatures: false,
  pga: 0.4,
  prednisoneMgPerDay: 5,
  immunosuppressantsStandardDose: true,
};
const failed = (changes: Record<string, unknown>) => outputOf(lldas, { ...l1, ...changes }).failed;

describe('LLDAS worked examples (domain.md §7 L1–L3)', () => {
  it('L1: SLEDAI-2K 4 from serology only, PGA 0.40, prednisone 5, standard IS: LLDAS met', () => {
    assert.deepEqual(outputOf(lldas, l1), { met: true, failed: [] });
  });

  it('L2: as L1 with prednisone 7.5 mg/day: LLDAS still met (≤ 7.5)', () => {
    assert.deepEqual(outputOf(lldas, { ...l1, prednisoneMgPerDay: 7.5 }), { met: true, failed: [] });
  });

  it('L3: SLEDAI-2K 4 from proteinuria only, PGA 0.8, prednisone 5: not met (renal activity)', () => {
    assert.deepEqual(outputOf(lldas, { ...l1, sledai2k: { items: ['proteinuria'] }, pga: 0.8 }), {
      met: false,
      failed: ['major-organ-activity'],
    });
  });
});

describe('LLDAS criteria and boundaries (Franklyn 2016, §4.2)', () => {
  it('SLEDAI-2K exactly 4 is met; 5 is not', () => {
    assert.deepEqual(failed({ sledai2k: { items: ['arthritis'] } }), []);
    assert.deepEqual(failed({ sledai2k: { items: ['rash', 'alopecia'] } }), []);
    assert.deepEqual(failed({ sledai2k: { items: ['arthritis', 'thrombocytopenia'] } }), ['sledai2k-above-4']);
    assert.deepEqual(failed({ sledai2k: { items: ['arthritis', 'fever'] } }), ['sledai2k-above-4', 'major-organ-activity']);
  });

  it('every major-organ descriptor alone fails, even when the total is ≤ 4', () => {
    for (const item of lldasMajorOrganItems) {
      const f = failed({ sledai2k: { items: [item] } });
      assert.ok(f.includes('major-organ-activity'), item);
    }
    assert.deepEqual(failed({ sledai2k: { items: ['pleurisy'] } }), ['major-organ-activity']);
    assert.deepEqual(failed({ sledai2k: { items: ['fever'] } }), ['major-organ-activity']);
  });

  it('the other descriptors are not major-organ activity', () => {
    const others = sledai2kItems.filter((i) => !lldasMajorOrganItems.includes(i));
    assert.deepEqual(others.sort(), ['alopecia', 'arthritis', 'increased-dna-binding', 'leukopenia', 'low-complement', 'mucosal-ulcers', 'myositis', 'rash', 'thrombocytopenia']);
    for (const item of others) assert.deepEqual(failed({ sledai2k: { items: [item] } }), [], item);
  });

  it('PGA exactly 1 is met; 1.01 is not', () => {
    assert.deepEqual(failed({ pga: 1 }), []);
    assert.deepEqual(failed({ pga: 1.0 }), []);
    assert.deepEqual(failed({ pga: 1.01 }), ['pga-above-1']);
  });

  it('prednisone exactly 7.5 mg/day is met; 7.51 is not; none given counts as 0', () => {
    assert.deepEqual(failed({ prednisoneMgPerDay: 7.5 }), []);
    assert.deepEqual(failed({ prednisoneMgPerDay: 7.51 }), ['prednisone-above-7.5']);
    const { prednisoneMgPerDay: _, ...withoutDose } = l1;
    const r = run(lldas, withoutDose);
    assert.ok(r.ok);
    assert.equal(r.value.output.met, true);
    assert.deepEqual(r.value.explanation[0], { code: 'responses.no-glucocorticoid-given', params: { mgPerDay: 0 } });
  });

  it('sums glucocorticoids as prednisone-equivalent (§6.2)', () => {
    const gc = (...list: unknown[]) => failed({ prednisoneMgPerDay: undefined, glucocorticoids: list });
    assert.deepEqual(gc({ drug: 'methylprednisolone', dose: { value: 6, unit: 'mg' } }), []); // 7.5
    assert.deepEqual(gc({ drug: 'hydrocortisone', dose: { value: 10, unit: 'mg' }, timesPerDay: 3 }), []); // 7.5
    assert.deepEqual(gc({ drug: 'prednisolone', dose: { value: 0.0075, unit: 'g' } }), []); // 7.5
    assert.deepEqual(gc({ drug: 'methylprednisolone', dose: { value: 4, unit: 'mg' } }, { drug: 'prednisone', dose: { value: 2.5, unit: 'mg' } }), []);
    assert.deepEqual(gc({ drug: 'methylprednisolone', dose: { value: 4, unit: 'mg' } }, { drug: 'prednisone', dose: { value: 3, unit: 'mg' } }), [
      'prednisone-above-7.5',
    ]);
    assert.deepEqual(gc({ drug: 'dexamethasone', dose: { value: 1.5, unit: 'mg' } }), ['prednisone-above-7.5']); // 10
    assert.deepEqual(gc(), []);
  });

  it('explains each glucocorticoid and the total compared', () => {
    const { prednisoneMgPerDay: _, ...base } = l1;
    const r = run(lldas, { ...base, glucocorticoids: [{ drug: 'methylprednisolone', dose: { value: 4, unit: 'mg' } }, { drug: 'prednisone', dose: { value: 2.5, unit: 'mg' } }] });
    assert.ok(r.ok);
    const steps = r.value.explanation;
    assert.deepEqual(steps[0], { code: 'responses.glucocorticoid-dose', params: { drug: 'methylprednisolone', doseMg: 4, timesPerDay: 1, equivalentMg: 4, mgPerDay: 5 } });
    assert.deepEqual(steps[2], { code: 'responses.glucocorticoid-total', params: { mgPerDay: 7.5, count: 2 } });
    assert.deepEqual(steps.find((s) => s.code.startsWith('lldas.prednisone')), { code: 'lldas.prednisone.met', params: { mgPerDay: 7.5, limit: 7.5 } });
  });

  it('haemolytic anaemia, GI activity, new features and non-standard IS each fail on their own', () => {
    assert.deepEqual(failed({ hemolyticAnemia: true }), ['hemolytic-anemia']);
    assert.deepEqual(failed({ gastrointestinalActivity: true }), ['gastrointestinal-activity']);
    assert.deepEqual(failed({ newFeatures: true }), ['new-features']);
    assert.deepEqual(failed({ immunosuppressantsStandardDose: false }), ['immunosuppressants-not-standard']);
    assert.deepEqual(failed({ hemolyticAnemia: false, gastrointestinalActivity: false }), []);
  });

  it('lists every failed criterion in the definition order', () => {
    const all = outputOf(lldas, {
      sledai2k: { items: ['seizure'] },
      newFeatures: true,
      pga: 2,
      prednisoneMgPerDay: 20,
      immunosuppressantsStandardDose: false,
      hemolyticAnemia: true,
      gastrointestinalActivity: true,
    });
    assert.deepEqual(all, {
      met: false,
      failed: [
        'sledai2k-above-4',
        'major-organ-activity',
        'hemolytic-anemia',
        'gastrointestinal-activity',
        'new-features',
        'pga-above-1',
        'prednisone-above-7.5',
        'immunosuppressants-not-standard',
      ],
    });
  });

  it('explains every criterion with the numbers compared, then the verdict', () => {
    const r = run(lldas, { ...l1, sledai2k: { items: ['proteinuria'] }, pga: 0.8 });
    assert.ok(r.ok);
    assert.deepEqual(r.value.explanation, [
      { code: 'responses.prednisone-given', params: { mgPerDay: 5 } },
      { code: 'lldas.sledai2k.met', params: { total: 4, limit: 4 } },
      { code: 'lldas.major-organ.not-met', params: { items: ['proteinuria'] } },
      { code: 'lldas.hemolytic-anemia.met', params: {} },
      { code: 'lldas.gastrointestinal.met', params: {} },
      { code: 'lldas.new-features.met', params: {} },
      { code: 'lldas.pga.met', params: { pga: 0.8, limit: 1 } },
      { code: 'lldas.prednisone.met', params: { mgPerDay: 5, limit: 7.5 } },
      { code: 'lldas.immunosuppressants.met', params: {} },
      { code: 'lldas.not-met', params: { failed: ['major-organ-activity'] } },
    ]);
  });
});

describe('LLDAS input validation', () => {
  const summary = (changes: Record<string, unknown>) => issueSummary(issuesOf(lldas, { ...l1, ...changes }));
  const paths = (changes: Record<string, unknown>) => issuesOf(lldas, { ...l1, ...changes }).map((i) => i.path.join('.'));

  it('names the offending field', () => {
    assert.deepEqual(summary({ pga: -0.1 }), ['pga: too_small']);
    assert.deepEqual(summary({ pga: 3.5 }), ['pga: too_big']);
    assert.deepEqual(summary({ prednisoneMgPerDay: -1 }), ['prednisoneMgPerDay: too_small']);
    assert.deepEqual(summary({ prednisoneMgPerDay: 1001 }), ['prednisoneMgPerDay: too_big']);
    assert.deepEqual(summary({ prednisoneMgPerDay: Number.NaN }), ['prednisoneMgPerDay: not_finite']);
    assert.deepEqual(summary({ newFeatures: undefined }), ['newFeatures: required']);
    assert.deepEqual(summary({ newFeatures: 'no' }), ['newFeatures: invalid_type']);
    assert.deepEqual(summary({ immunosuppressantsStandardDose: undefined }), ['immunosuppressantsStandardDose: required']);
    assert.deepEqual(summary({ hemolyticAnemia: 1 }), ['hemolyticAnemia: invalid_type']);
    // The code for an unknown descriptor or drug is sledai2k.ts's and prednisone-equivalent.ts's; the path is ours.
    assert.deepEqual(paths({ sledai2k: { items: ['proteinuria', 'nephritis'] } }), ['sledai2k.items.1']);
    assert.deepEqual(summary({ sledai2k: 4 }), ['sledai2k: invalid_type']);
  });

  it('rejects unknown fields', () => {
    assert.deepEqual(summary({ prednisone: 5 }), ['prednisone: unknown_field']);
    assert.deepEqual(summary({ sledai2k: { items: [], total: 4 } }), ['sledai2k.total: unknown_field']);
  });

  it('refuses a dose given both as a number and as glucocorticoids', () => {
    assert.deepEqual(summary({ glucocorticoids: [] }), ['glucocorticoids: mutually_exclusive']);
  });

  it('names the glucocorticoid entry at fault', () => {
    const gc = (list: unknown[]) => summary({ prednisoneMgPerDay: undefined, glucocorticoids: list });
    const unknownDrug = [{ drug: 'prednisone', dose: { value: 5, unit: 'mg' } }, { drug: 'cortisol', dose: { value: 5, unit: 'mg' } }];
    assert.deepEqual(paths({ prednisoneMgPerDay: undefined, glucocorticoids: unknownDrug }), ['glucocorticoids.1.drug']);
    assert.deepEqual(gc([{ drug: 'prednisone', dose: { value: 5, unit: 'mg/dL' } }]), ['glucocorticoids.0.dose.unit: incompatible_unit']);
    assert.deepEqual(gc([{ drug: 'prednisone', dose: { value: -5, unit: 'mg' } }]), ['glucocorticoids.0.dose.value: too_small']);
  });
});
