import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labSeries, labSummary } from './lab-series.ts';
import { ocScenarios } from './oc-scenarios.ts';

describe('packet summaries', () => {
  it('puts each lab test in one unit, counting what does not convert', () => {
    const [anc, creatinine] = labSeries([
      { subject: '002', code: 'anc', day: 3, value: 1500, unit: '/uL' },
      { subject: '001', code: 'anc', day: 7, value: 0.8, unit: '10*3/uL' },
      { subject: '001', code: 'anc', day: -1, value: 3.1, unit: '10*9/L' },
      { subject: '001', code: 'anc', day: 9, value: 40, unit: '%' },
      { subject: '001', code: 'creatinine', day: 0, value: 1, unit: 'mg/dL' },
      { subject: '001', code: 'troponin', day: 0, value: 1, unit: 'ng/L' },
    ]);
    assert.deepEqual(anc, {
      code: 'anc',
      unit: '10*9/L',
      points: [
        { subject: '001', day: -1, value: 3.1 },
        { subject: '001', day: 7, value: 0.8 },
        { subject: '002', day: 3, value: 1.5 },
      ],
      unconverted: 1,
    });
    // 1 mg/dL × 88.4 (the factor clinical tables print, domain.md §6.3).
    assert.deepEqual(creatinine?.points, [{ subject: '001', day: 0, value: 88.4 }]);
  });

  it('summarises each subject: baseline up to day 0, extremes after the dose, the latest value', () => {
    const rows = labSummary(labSeries([
      { subject: '001', code: 'alt', day: -3, value: 30, unit: 'U/L' },
      { subject: '001', code: 'alt', day: 0, value: 32, unit: 'U/L' },
      { subject: '001', code: 'alt', day: 5, value: 120, unit: 'U/L' },
      { subject: '001', code: 'alt', day: 12, value: 45, unit: 'U/L' },
      { subject: '002', code: 'alt', day: -2, value: 20, unit: 'U/L' },
    ]));
    assert.deepEqual(rows, [
      { code: 'alt', unit: 'U/L', subject: '001', baseline: 32, lowest: 45, highest: 120, latest: 45 },
      { code: 'alt', unit: 'U/L', subject: '002', baseline: 20, lowest: null, highest: null, latest: 20 },
    ]);
  });

  it('builds the OC scenarios around the target: each dose the MTD in turn, all toxic, all safe', () => {
    assert.deepEqual(ocScenarios(3, 0.3), [
      { id: 'mtd-1', truth: [0.3, 0.45, 0.6] },
      { id: 'mtd-2', truth: [0.15, 0.3, 0.45] },
      { id: 'mtd-3', truth: [0.01, 0.15, 0.3] },
      { id: 'all-toxic', truth: [0.45, 0.6, 0.75] },
      { id: 'all-safe', truth: [0.05, 0.1, 0.15] },
    ]);
  });
});
