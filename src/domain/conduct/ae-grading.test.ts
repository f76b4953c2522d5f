import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unwrap } from '../result.ts';
import { finalGrade, gradeFromFindings, gradeFromLab } from './ae-grading.ts';

describe('adverse-event grades', () => {
  it('grades a laboratory value by CTCAE v5.0 (domain.md §5.2)', () => {
    const anc = unwrap(gradeFromLab('neutrophil-count-decreased', { value: { value: 0.4, unit: '10*9/L' } }));
    assert.deepEqual([anc.system, anc.grade], ['ctcae', 4]);
    // ALT 240 U/L with ULN 40: 6 × ULN, in "> 5.0 – 20.0 × ULN", grade 3.
    const alt = unwrap(gradeFromLab('alanine-aminotransferase-increased', { value: { value: 240, unit: 'U/L' }, uln: 40 }));
    assert.equal(alt.grade, 3);
    assert.ok(alt.rule);
    assert.ok(alt.explanation.length > 0);
  });

  it('passes the graders\' input issues through', () => {
    const r = gradeFromLab('neutrophil-count-decreased', { value: { value: 1.8, unit: 'mg%' } });
    assert.ok(!r.ok);
  });

  it('grades CRS and ICANS findings by ASTCT 2019 (domain.md §5.3, §5.4)', () => {
    const crs = unwrap(gradeFromFindings({ syndrome: 'crs', findings: { feverC: 39, hypotension: 'one-vasopressor', oxygen: 'none' } }));
    assert.deepEqual([crs.system, crs.grade], ['astct-crs', 3]);
    const icans = unwrap(gradeFromFindings({ syndrome: 'icans', findings: { ice: 5, consciousness: 'awake' } }));
    assert.deepEqual([icans.system, icans.grade], ['astct-icans', 2]);
    assert.ok(!gradeFromFindings({ syndrome: 'icans', findings: { ice: 11, consciousness: 'awake' } }).ok);
  });

  it('keeps the computed grade unless the investigator overrides it with a reason', () => {
    assert.deepEqual(unwrap(finalGrade({ auto: { grade: 3 }, override: null })), { grade: 3, source: 'auto', autoGrade: 3, override: null });
    const override = { grade: 2, reason: 'value haemolysed; repeat sample normal' };
    assert.deepEqual(unwrap(finalGrade({ auto: { grade: 3 }, override })), { grade: 2, source: 'override', autoGrade: 3, override });
    for (const reason of ['', '   '])
      assert.deepEqual(finalGrade({ auto: { grade: 3 }, override: { grade: 2, reason } }), {
        ok: false,
        issues: [{ path: ['override', 'reason'], code: 'override_reason_required', params: { auto: 3, override: 2 } }],
      });
    const bad = finalGrade({ auto: { grade: 3 }, override: { grade: 6, reason: 'x' } });
    assert.ok(!bad.ok && bad.issues[0]!.code === 'out_of_range');
  });
});
