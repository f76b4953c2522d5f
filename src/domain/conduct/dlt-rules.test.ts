import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AdverseEventForDlt, DltRule, defaultDltRules, suggestDlt } from './dlt-rules.ts';

const context = { firstDoseDate: '2026-02-02', windowDays: 28 };
const event = (over: Partial<AdverseEventForDlt>): AdverseEventForDlt => ({
  term: 'alanine-aminotransferase-increased',
  onsetDate: '2026-02-10',
  grade: 3,
  system: 'ctcae',
  relatedness: 'possible',
  serious: false,
  ...over,
});
const codes = (e: AdverseEventForDlt, ctx = context) => suggestDlt(e, ctx).explanation.map((s) => s.code);

describe('DLT suggestions (domain.md §1.4)', () => {
  it('suggests each rule for an event inside the window that is at least possibly related', () => {
    assert.equal(suggestDlt(event({ grade: 5, system: 'astct-crs' }), context).rule, DltRule.grade5);
    assert.equal(suggestDlt(event({ grade: 4, system: 'astct-crs', term: 'crs' }), context).rule, DltRule.crsGrade3);
    assert.equal(suggestDlt(event({ grade: 3, system: 'astct-icans', term: 'icans' }), context).rule, DltRule.icansGrade3);
    assert.equal(suggestDlt(event({ grade: 3 }), context).rule, DltRule.otherGrade3);
    for (const relatedness of ['possible', 'probable', 'definite'] as const) assert.ok(suggestDlt(event({ relatedness }), context).suggested, relatedness);
  });

  it('does not suggest grade 2 or less, an unrelated event, or one outside the window', () => {
    for (const system of ['ctcae', 'astct-crs', 'astct-icans'] as const) assert.ok(!suggestDlt(event({ grade: 2, system }), context).suggested, system);
    for (const relatedness of ['not-related', 'unlikely'] as const) assert.ok(!suggestDlt(event({ relatedness, grade: 5 }), context).suggested);
    assert.deepEqual(codes(event({ relatedness: 'unlikely' })), ['conduct.dlt.inside-window', 'conduct.dlt.not-related', 'conduct.dlt.investigator-decides']);
  });

  it('counts the window inclusively, day 0 (the dose) through day 28', () => {
    assert.ok(!suggestDlt(event({ onsetDate: '2026-02-01' }), context).suggested);
    assert.ok(suggestDlt(event({ onsetDate: '2026-02-02' }), context).suggested);
    assert.ok(suggestDlt(event({ onsetDate: '2026-03-02' }), context).suggested);
    const late = suggestDlt(event({ onsetDate: '2026-03-03' }), context);
    assert.deepEqual(late, {
      suggested: false,
      rule: null,
      explanation: [
        { code: 'conduct.dlt.outside-window', params: { onset: '2026-03-03', start: '2026-02-02', end: '2026-03-02' } },
        { code: 'conduct.dlt.investigator-decides', params: {} },
      ],
    });
  });

  it('asks the investigator to confirm the 72 h course of grade 3 CRS, and the duration of other grade 3 events', () => {
    assert.ok(codes(event({ grade: 3, system: 'astct-crs' })).includes('conduct.dlt.crs-grade-3-course'));
    assert.ok(!codes(event({ grade: 4, system: 'astct-crs' })).includes('conduct.dlt.crs-grade-3-course'));
    assert.ok(codes(event({ grade: 3 })).includes('conduct.dlt.other-grade-3-course'));
    assert.equal(codes(event({ grade: 3 })).at(-1), 'conduct.dlt.investigator-confirms');
  });

  it('lets a protocol switch rules off (all on by default)', () => {
    assert.deepEqual(defaultDltRules, ['grade-5', 'crs-grade-3-or-more', 'icans-grade-3-or-more', 'other-grade-3-or-more']);
    const noOther = { ...context, rules: defaultDltRules.filter((r) => r !== DltRule.otherGrade3) };
    assert.ok(!suggestDlt(event({ grade: 4 }), noOther).suggested);
    assert.equal(suggestDlt(event({ grade: 5 }), noOther).rule, DltRule.grade5);
    assert.ok(suggestDlt(event({ grade: 3, system: 'astct-icans' }), noOther).suggested);
  });
});
