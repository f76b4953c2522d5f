import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aeBody, initialAe, previewGrade } from './ae-input.ts';

const base = initialAe('2026-03-03');

describe('adverse event form', () => {
  it('grades CRS from its findings as ASTCT does (fever + low-flow oxygen: grade 2)', () => {
    const s = { ...base, term: 'Cytokine release syndrome', feverC: '38.9', oxygen: 'low-flow' };
    const g = previewGrade(s);
    assert.ok(g?.ok);
    assert.equal(g.value.grade, 2);
    assert.deepEqual(aeBody(s)['basis'], { findings: { syndrome: 'crs', findings: { feverC: 38.9, antiCytokineGiven: false, hypotension: 'none', oxygen: 'low-flow' } } });
  });

  it('grades ICANS from the ICE score (ICE 5: grade 2)', () => {
    const g = previewGrade({ ...base, grading: 'astct-icans', ice: '5' });
    assert.ok(g?.ok);
    assert.equal(g.value.grade, 2);
  });

  it('grades a neutrophil count by CTCAE (0.8 × 10⁹/L: grade 3)', () => {
    const s = { ...base, grading: 'ctcae' as const, basis: 'lab' as const, value: '0.8', lln: '1.8' };
    const g = previewGrade(s);
    assert.ok(g?.ok);
    assert.equal(g.value.grade, 3);
    assert.deepEqual(aeBody(s)['basis'], { ctcae: 'neutrophil-count-decreased', reading: { value: { value: 0.8, unit: '10*9/L' }, lln: 1.8 } });
  });

  it('sends the investigator grade and its reason only when given', () => {
    assert.equal('grade' in aeBody(base), false);
    const body = aeBody({ ...base, grade: '3', overrideReason: ' needed pressors briefly ' });
    assert.equal(body['grade'], 3);
    assert.equal(body['overrideReason'], 'needed pressors briefly');
  });

  it('has no basis when the investigator grades alone', () => {
    const body = aeBody({ ...base, grading: 'ctcae', basis: 'none', term: 'Rash', grade: '2' });
    assert.equal('basis' in body, false);
    assert.equal(previewGrade({ ...base, grading: 'ctcae', basis: 'none' }), null);
  });
});
