// Worked cases from shared/domain/domain.md §7 (SRI-4 Q1, Q2; LLDAS/DORIS L1–L3), carried through
// one visit's efficacy, and the handling of missing inputs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unwrap } from '../result.ts';
import { type EfficacyAssessment, visitEfficacy } from './efficacy.ts';

// Baseline SLEDAI-2K 12: arthritis 4, rash 2, mucosal ulcers 2, low complement 2, anti-dsDNA 2.
const baseline: EfficacyAssessment = {
  sledai2k: { items: ['arthritis', 'rash', 'mucosal-ulcers', 'low-complement', 'increased-dna-binding'] },
  pga: 1.8,
  bilag: { musculoskeletal: 'B', mucocutaneous: 'B' },
  glucocorticoids: [{ drug: 'prednisone', dose: { value: 15, unit: 'mg' } }],
};
// L1: SLEDAI-2K 4 from serology only; PGA 0.40; prednisone 5 mg; stable MMF; no new features.
const l1: EfficacyAssessment = {
  sledai2k: { items: ['low-complement', 'increased-dna-binding'] },
  pga: 0.4,
  bilag: { musculoskeletal: 'D', mucocutaneous: 'D' },
  glucocorticoids: [{ drug: 'prednisolone', dose: { value: 5, unit: 'mg' } }],
  newFeatures: false,
  immunosuppressantsStandardDose: true,
  immunosuppressantsStable: true,
  biologicsStable: true,
};

describe('efficacy at a visit', () => {
  it('computes every measure from complete inputs (Q1 and L1)', () => {
    const r = unwrap(visitEfficacy({ baseline, visit: { ...l1, pga: 0.6, onImmunosuppressants: true, onBiologics: false } }));
    assert.equal(r.sledai2k, 4);
    assert.equal(r.clinicalSledai, 0);
    assert.equal(r.sri4?.responder, true);
    assert.equal(r.sri4?.components.sledai.reduction, 8);
    assert.equal(r.lldas?.met, true);
    // PGA 0.6 is not below 0.5: DORIS fails on PGA alone (L1 with PGA 0.40 meets it).
    assert.deepEqual(r.doris?.failed, ['pga-not-below-0.5']);
    assert.equal(r.prednisoneEquivalentMgPerDay, 5);
    assert.equal(r.dorisDrugFree?.met, false);
    assert.deepEqual(r.missing, {});
  });

  it('reproduces L1–L3 for LLDAS and DORIS', () => {
    const at = (visit: EfficacyAssessment) => unwrap(visitEfficacy({ baseline, visit }));
    const one = at(l1);
    assert.deepEqual([one.lldas?.met, one.doris?.met], [true, true]);
    const two = at({ ...l1, glucocorticoids: [{ drug: 'prednisone', dose: { value: 7.5, unit: 'mg' } }] });
    assert.deepEqual([two.lldas?.met, two.doris?.met], [true, false]);
    const three = at({ ...l1, sledai2k: { items: ['proteinuria'] }, pga: 0.8 });
    assert.deepEqual([three.lldas?.met, three.doris?.met], [false, false]);
    assert.ok(three.lldas?.failed.includes('major-organ-activity'));
  });

  it('reproduces Q2: a PGA rise of exactly 0.30 is worsening', () => {
    const q2 = unwrap(
      visitEfficacy({
        baseline: { sledai2k: { total: 8, clinical: 8 }, pga: 1.0, bilag: {} },
        visit: { sledai2k: { total: 4, clinical: 4 }, pga: 1.3, bilag: {} },
      }),
    );
    assert.equal(q2.sri4?.responder, false);
    assert.equal(q2.sledai2k, 4);
  });

  it('leaves a measure null and lists what is missing; a missing steroid record is not zero', () => {
    const r = unwrap(visitEfficacy({ baseline: null, visit: { sledai2k: { total: 6, clinical: 4 }, pga: 1 } }));
    assert.deepEqual([r.sledai2k, r.clinicalSledai], [6, 4]);
    assert.equal(r.sri4, null);
    assert.deepEqual(r.missing.sri4, ['baseline', 'visit.bilag']);
    assert.equal(r.prednisoneEquivalentMgPerDay, null);
    assert.deepEqual(r.missing.prednisoneEquivalentMgPerDay, ['visit.glucocorticoids']);
    assert.deepEqual(r.missing.lldas, ['visit.sledai2k.items', 'visit.newFeatures', 'visit.glucocorticoids', 'visit.immunosuppressantsStandardDose']);
    assert.deepEqual(r.missing.doris, ['visit.sledai2k.items', 'visit.glucocorticoids']);
    assert.ok(r.explanation.some((s) => s.code === 'conduct.efficacy.missing'));
    const none = unwrap(visitEfficacy({ baseline: null, visit: { glucocorticoids: [] } }));
    assert.equal(none.prednisoneEquivalentMgPerDay, 0);
    assert.deepEqual(none.missing.sledai2k, ['visit.sledai2k']);
  });

  it('reports invalid input as issues with paths', () => {
    const r = visitEfficacy({ baseline: null, visit: { pga: 4, glucocorticoids: [{ drug: 'prednisone', dose: { value: 5, unit: 'mL' } }] } });
    assert.ok(!r.ok);
    assert.ok(r.issues.some((i) => i.path.join('.') === 'visit.pga'));
    const unit = visitEfficacy({ baseline: null, visit: { glucocorticoids: [{ drug: 'prednisone', dose: { value: 5, unit: 'mL' } }] } });
    assert.ok(!unit.ok && unit.issues[0]!.path[0] === 'visit' && unit.issues[0]!.path[1] === 'glucocorticoids');
    const totals = visitEfficacy({ baseline: null, visit: { sledai2k: { total: 6, clinical: 3 } } });
    assert.ok(!totals.ok);
  });
});
