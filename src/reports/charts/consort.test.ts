import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translator } from '../../i18n/index.ts';
import { packetFixture } from '../packet/test-fixture.ts';
import { consortSvg } from './consort.ts';
import { parseSvg } from './test-support.ts';

const box = (doc: Document, label: string) => [...doc.querySelectorAll(`[aria-label="${label}"] text`)].map((t) => t.textContent);

describe('CONSORT flow', () => {
  it('counts screened → enrolled → dosed, the screen-failure reasons, and each dose level', () => {
    const doc = parseSvg(consortSvg(packetFixture, translator('en')));
    assert.deepEqual(box(doc, 'screened'), ['Screened (n = 8)']);
    assert.deepEqual(box(doc, 'not-enrolled'), ['Not enrolled (n = 2)', 'Screen failed: 2', '  · Kidney function (creatinine clearance): 2', '  · SLEDAI-2K: 1', 'Still in screening: 0']);
    assert.deepEqual(box(doc, 'enrolled'), ['Enrolled (n = 6)']);
    assert.deepEqual(box(doc, 'not-dosed'), ['Not dosed (n = 1)', 'Awaiting dose: 1', 'Left before the dose: 0']);
    assert.deepEqual(box(doc, 'dosed'), ['Dosed (n = 5)']);
    assert.deepEqual(box(doc, 'level-2'), ['DL2 (n = 2)', 'DLT assessed: 1 (DLT: 1)', 'In DLT window: 1', 'On study: 2', 'Completed: 0', 'Withdrawn: 0', 'Died: 0']);
    assert.equal(doc.querySelectorAll('[aria-label="arrow"]').length, 4 + 3);
  });

  it('speaks Chinese', () => {
    const doc = parseSvg(consortSvg(packetFixture, translator('zh-CN')));
    assert.deepEqual(box(doc, 'screened'), ['已筛选（n = 8）']);
    assert.equal(box(doc, 'not-enrolled')[2], '  · 肾功能（肌酐清除率）：2');
  });
});
