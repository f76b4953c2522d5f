import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translator } from '../../i18n/index.ts';
import { packetFixture } from '../packet/test-fixture.ts';
import { bestResponse, swimmerSvg } from './swimmer.ts';
import { marks, parseSvg, texts } from './test-support.ts';

const t = translator('en');

describe('swimmer plot', () => {
  const doc = parseSvg(swimmerSvg(packetFixture, t));

  it('draws one lane per dosed subject, in dosing order, and a dose marker per administration', () => {
    assert.equal(doc.documentElement.tagName.toLowerCase(), 'svg');
    assert.equal(marks(doc, 'lane').length, 5);
    assert.equal(marks(doc, 'dose').length, 5);
    assert.equal(marks(doc, 'dlt-window').length, 5);
    const lanes = texts(doc).filter((x) => / · DL/.test(x));
    assert.deepEqual(lanes, ['001 · DL1', '002 · DL1', '003 · DL1', '005 · DL2', '006 · DL2']);
  });

  it('marks each adverse event at onset by its grade, and rings the DLT', () => {
    // The fixture: fatigue G1; CRS and ALT G2; neutropenia G3; ICANS G4 (the DLT).
    assert.deepEqual([1, 2, 3, 4, 5].map((g) => marks(doc, `ae-grade-${g}`).length), [1, 2, 1, 1, 0]);
    assert.equal(marks(doc, 'dlt').length, 1);
    assert.equal(marks(doc, 'ae-duration').length, 5);
  });

  it('shows the best response of each assessed visit and an arrow for those still on study', () => {
    assert.equal(marks(doc, 'response-doris').length, 1);
    assert.equal(marks(doc, 'response-lldas').length, 2);
    assert.equal(marks(doc, 'response-sri4').length, 2);
    assert.equal(marks(doc, 'ongoing').length, 4);
  });

  it('ranks DORIS over LLDAS over SRI-4', () => {
    const e = { sledai2k: 2, clinicalSledai: 2, sri4: true, lldas: true, doris: true, prednisoneMgPerDay: 5 };
    assert.equal(bestResponse(e), 'doris');
    assert.equal(bestResponse({ ...e, doris: false }), 'lldas');
    assert.equal(bestResponse({ ...e, doris: null, lldas: false }), 'sri4');
    assert.equal(bestResponse({ ...e, doris: false, lldas: null, sri4: false }), null);
    assert.equal(bestResponse(null), null);
  });

  it('says so when nobody is dosed, in the language asked for', () => {
    const empty = parseSvg(swimmerSvg({ ...packetFixture, subjects: [] }, translator('zh-CN')));
    assert.equal(empty.querySelectorAll('[aria-label="empty"]').length, 1);
    assert.ok(texts(empty).some((x) => x.includes('尚无受试者给药')));
  });
});
