import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translator } from '../../i18n/index.ts';
import { packetFixture } from '../packet/test-fixture.ts';
import { bCellSvg } from './b-cells.ts';
import { escalationPathSvg } from './escalation-path.ts';
import { packetChartNames, packetCharts } from './index.ts';
import { labTrendsSvg } from './lab-trends.ts';
import { spiderPoints, spiderSvg } from './spider.ts';
import { marks, parseSvg, texts } from './test-support.ts';

const t = translator('en');
const paths = (doc: Document, className: string) => marks(doc, className).filter((e) => e.tagName.toLowerCase() === 'path');

describe('packet charts', () => {
  it('spider plot: one line per subject with SLEDAI-2K after a baseline, change from baseline, the SRI-4 line', () => {
    const doc = parseSvg(spiderSvg(packetFixture, t));
    assert.equal(paths(doc, 'subject-line').length, 3);
    assert.equal(marks(doc, 'sri4-threshold').length, 1);
    // 001: baseline 12, then 8, 4 and 2 at months 2, 3 and 4.
    assert.deepEqual(spiderPoints(packetFixture).filter((p) => p.subject === '001').map((p) => [p.day, p.change]), [[0, 0], [60, -4], [90, -8], [120, -10]]);
  });

  it('B-cell counts: one line per subject with counts', () => {
    const doc = parseSvg(bCellSvg(packetFixture, t));
    assert.equal(paths(doc, 'subject-line').length, 3);
    assert.ok(texts(doc).includes('005'));
  });

  it('lab trends: one panel per test with values after a dose, each value a point', () => {
    const doc = parseSvg(labTrendsSvg(packetFixture, t));
    const panels = [...doc.querySelectorAll('[aria-label="lab-panel"]')];
    assert.deepEqual(panels.map((p) => p.getAttribute('data-code')), ['anc', 'alt']);
    assert.equal(marks(doc, 'lab-value').length, 7);
    assert.ok(texts(doc).some((x) => x.includes('Neutrophils (ANC) (×10^9/L)')));
  });

  it('escalation path: each dosed subject at its level by DLT outcome, cohorts apart, the committee decision', () => {
    const doc = parseSvg(escalationPathSvg(packetFixture, t));
    assert.deepEqual(['no-dlt', 'dlt', 'pending'].map((o) => marks(doc, `subject-${o}`).length), [3, 1, 1]);
    assert.equal(marks(doc, 'cohort-boundary').length, 1);
    assert.ok(texts(doc).includes('SRC: open DL2'));
  });

  it('every chart is one <svg> document with a white background, in both languages', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const charts = packetCharts(packetFixture, translator(language));
      assert.deepEqual(Object.keys(charts), [...packetChartNames]);
      for (const [name, svg] of Object.entries(charts)) {
        assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, name);
        assert.doesNotMatch(svg, /<figure|<div/, name);
        assert.equal(parseSvg(svg).documentElement.getAttribute('aria-label'), name);
      }
    }
  });
});
