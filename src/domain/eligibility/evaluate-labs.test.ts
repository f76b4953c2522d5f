// I9 bone marrow, I10 coagulation, I11 cardiac, I12 pulmonary, I13 hepatic (domain.md §0.1), with
// unit variants and the exact boundaries of §6.3 (Hb 80 g/L = 8.0 g/dL, bilirubin 2.0 mg/dL =
// 34.2 µmol/L, 1.5×10⁹/L = 1500/µL), and the screening-window rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Protocol } from '../protocol/schema.ts';
import { hn2301 } from '../../protocols/test-support.ts';
import { ASOF, condition, med, missingCodes, patient, qty, screenWith, transfusion, unusable, without, withSwitch } from './test-support.ts';

const { criterion, statusOf } = screenWith(hn2301);

const lab = (feature: Parameters<typeof qty>[0], value: number, unit: string, extra: Parameters<typeof qty>[4] = {}, date?: string) =>
  patient((r) => {
    without(r, feature);
    r.observations.push(qty(feature, value, unit, date, extra));
  });

describe('bone-marrow (I9)', () => {
  it('ANC: exactly 1.5×10⁹/L and 1500/µL are met, 1.49 is not', () => {
    assert.equal(statusOf(lab('anc', 1.5, '10*9/L'), 'bone-marrow'), 'met');
    assert.equal(statusOf(lab('anc', 1500, '/uL'), 'bone-marrow'), 'met');
    assert.equal(statusOf(lab('anc', 1.5, '10^3/µL'), 'bone-marrow'), 'met');
    const low = criterion(lab('anc', 1.49, '10*9/L'), 'bone-marrow');
    assert.equal(low.status, 'not-met');
    assert.equal(low.reason.code, 'lab_below_threshold');
    assert.deepEqual({ ...low.reason.params }, { feature: 'anc', value: 1.49, unit: '10*9/L', op: '>=', threshold: 1.5, date: '2026-02-20' });
    assert.equal(statusOf(lab('anc', 1499, 'cells/uL'), 'bone-marrow'), 'not-met');
  });

  it('ALC: exactly 0.8×10⁹/L (800/µL) met, 790/µL not met', () => {
    assert.equal(statusOf(lab('alc', 800, '/uL'), 'bone-marrow'), 'met');
    assert.equal(statusOf(lab('alc', 790, '/uL'), 'bone-marrow'), 'not-met');
  });

  it('Hb: exactly 80 g/L and 8.0 g/dL are met; 7.9 g/dL and 4.9 mmol/L are not', () => {
    assert.equal(statusOf(lab('hemoglobin', 80, 'g/L'), 'bone-marrow'), 'met');
    assert.equal(statusOf(lab('hemoglobin', 8.0, 'g/dL'), 'bone-marrow'), 'met');
    assert.equal(statusOf(lab('hemoglobin', 7.9, 'g/dL'), 'bone-marrow'), 'not-met');
    // 4.9 mmol/L (CTCAE's rounding) is 78.96 g/L with the 0.6206 factor of §6.3.
    assert.equal(statusOf(lab('hemoglobin', 4.9, 'mmol/L'), 'bone-marrow'), 'not-met');
  });

  it('evidence shows the value as reported and the threshold in that unit', () => {
    const c = criterion(lab('anc', 1500, '/uL'), 'bone-marrow');
    const anc = c.evidence.find((e) => e.item === 'anc');
    assert.deepEqual({ value: anc?.value, unit: anc?.unit, date: anc?.date, compared: anc?.compared }, { value: 1500, unit: '/uL', date: '2026-02-20', compared: '>= 1500 /uL' });
    assert.match(String(anc?.source), /^Observation\//);
  });

  it('a value only older than the 28-day window → unknown result_too_old with its date and the window', () => {
    const c = criterion(lab('anc', 3, '10*9/L', {}, '2026-01-31'), 'bone-marrow');
    assert.equal(c.status, 'unknown');
    assert.equal(c.reason.code, 'result_too_old');
    assert.deepEqual(c.missing.map((m) => ({ item: m.item, code: m.code, date: m.params?.date, windowDays: m.params?.windowDays, from: m.params?.from })), [
      { item: 'anc', code: 'result_too_old', date: '2026-01-31', windowDays: 28, from: '2026-02-01' },
    ]);
    assert.equal(statusOf(lab('anc', 3, '10*9/L', {}, '2026-02-01'), 'bone-marrow'), 'met', 'day −28 is inside the window');
  });

  it('a value dated after the screening date is not used', () => {
    const later = patient((r) => {
      without(r, 'anc');
      r.observations.push(qty('anc', 3, '10*9/L', '2026-01-10'), qty('anc', 3, '10*9/L', '2026-03-02'));
    });
    assert.equal(criterion(later, 'bone-marrow').reason.code, 'result_too_old');
    const newerLow = patient((r) => r.observations.push(qty('anc', 0.5, '10*9/L', '2026-03-05')));
    assert.equal(statusOf(newerLow, 'bone-marrow'), 'met', 'the post-screening ANC 0.5 is ignored');
  });

  it('the most recent value in the window decides, even when an older one would pass', () => {
    const r = patient((x) => x.observations.push(qty('anc', 1.2, '10*9/L', '2026-02-25')));
    assert.equal(statusOf(r, 'bone-marrow'), 'not-met');
  });

  it('no ANC at all → unknown no_result_in_window; an unusable unit → unknown with that reason', () => {
    const none = criterion(patient((r) => without(r, 'anc')), 'bone-marrow');
    assert.equal(none.status, 'unknown');
    assert.deepEqual(missingCodes(none), ['anc:no_result_in_window']);
    const bad = criterion(patient((r) => { without(r, 'anc'); r.observations.push(unusable('anc', 'unknown_unit')); }), 'bone-marrow');
    assert.equal(bad.status, 'unknown');
    assert.deepEqual(missingCodes(bad), ['anc:unknown_unit']);
    const mgdl = criterion(lab('anc', 3, 'mg/dL'), 'bone-marrow');
    assert.deepEqual(missingCodes(mgdl), ['anc:incompatible_unit']);
  });

  it('a failing value settles not-met even while another lab is unknown', () => {
    const r = patient((x) => { without(x, 'anc', 'alc'); x.observations.push(qty('anc', 1.0, '10*9/L')); });
    const c = criterion(r, 'bone-marrow');
    assert.equal(c.status, 'not-met');
    assert.deepEqual(c.missing, [], 'nothing to chase once settled');
  });

  it('a transfusion or a growth factor in the 7 days before screening → not met', () => {
    assert.equal(statusOf(patient((r) => r.procedures.push(transfusion('2026-02-21'))), 'bone-marrow'), 'met', '8 days before');
    assert.equal(statusOf(patient((r) => r.procedures.push(transfusion('2026-02-22'))), 'bone-marrow'), 'not-met', 'exactly 7 days before');
    assert.equal(statusOf(patient((r) => r.procedures.push(transfusion(ASOF))), 'bone-marrow'), 'not-met', 'on the screening date');
    assert.equal(statusOf(patient((r) => r.procedures.push(transfusion('2026-03-02'))), 'bone-marrow'), 'met', 'after the screening date');
    const gf = (start: string, end?: string) => patient((r) => r.medications.push(med('growth-factor', 'filgrastim', start, end === undefined ? {} : { end })));
    assert.equal(statusOf(gf('2026-02-10', '2026-02-25'), 'bone-marrow'), 'not-met', 'overlaps the 7 days');
    assert.equal(statusOf(gf('2026-02-10', '2026-02-22'), 'bone-marrow'), 'not-met', 'ended exactly 7 days before');
    assert.equal(statusOf(gf('2026-02-10', '2026-02-21'), 'bone-marrow'), 'met', 'ended 8 days before');
    assert.equal(statusOf(gf('2026-02-01', '2026-02-15'), 'bone-marrow'), 'met', 'ended before the 7 days');
    assert.equal(statusOf(gf('2026-01-01'), 'bone-marrow'), 'not-met', 'still ongoing');
    assert.equal(statusOf(gf('2026-03-03'), 'bone-marrow'), 'met', 'starts after screening');
  });
});

describe('coagulation (I10)', () => {
  const coag = (edit: (r: Parameters<NonNullable<Parameters<typeof patient>[0]>>[0]) => void) =>
    patient((r) => {
      without(r, 'inr', 'aptt');
      edit(r);
    });
  const inr = (v: number, uln?: number) => qty('inr', v, '{INR}', undefined, uln === undefined ? {} : { uln });
  const aptt = (v: number, uln = 40) => qty('aptt', v, 's', undefined, { uln });

  it('default each-measured: every measured one ≤ 1.5×ULN, at least one measured', () => {
    assert.equal(statusOf(coag((r) => r.observations.push(inr(1.8, 1.2), aptt(60))), 'coagulation'), 'met', 'both exactly 1.5×ULN');
    assert.equal(statusOf(coag((r) => r.observations.push(inr(1.0, 1.2))), 'coagulation'), 'met', 'only INR measured');
    assert.equal(statusOf(coag((r) => r.observations.push(aptt(61))), 'coagulation'), 'not-met');
    assert.equal(statusOf(coag((r) => r.observations.push(inr(1.9, 1.2), aptt(30))), 'coagulation'), 'not-met');
    const none = criterion(coag(() => {}), 'coagulation');
    assert.equal(none.status, 'unknown');
    assert.deepEqual(missingCodes(none), ['inr:no_result_in_window', 'aptt:no_result_in_window']);
  });

  it('INR is unitless ({INR}); without its own ULN or a site range it is unknown (no_reference_range)', () => {
    const c = criterion(coag((r) => r.observations.push(inr(1.0), aptt(30))), 'coagulation');
    assert.equal(c.status, 'unknown', 'a measured INR that cannot be judged is not skipped');
    assert.deepEqual(missingCodes(c), ['inr:no_reference_range']);
    const site: Protocol = { ...hn2301, referenceRanges: { inr: { unit: '{INR}', uln: 1.2 } } };
    assert.equal(statusOf(coag((r) => r.observations.push(inr(1.8), aptt(30))), 'coagulation', site), 'met');
    assert.equal(statusOf(coag((r) => r.observations.push(inr(1.81), aptt(30))), 'coagulation', site), 'not-met');
  });

  it('a stale INR counts as not measured', () => {
    const r = coag((x) => x.observations.push(qty('inr', 3, '{INR}', '2025-12-01', { uln: 1.2 }), aptt(30)));
    assert.equal(statusOf(r, 'coagulation'), 'met');
  });

  it('switch both: INR and APTT both required; either: one suffices', () => {
    const both = withSwitch(hn2301, 'coagulation', 'both');
    const either = withSwitch(hn2301, 'coagulation', 'either');
    const onlyInr = coag((r) => r.observations.push(inr(1.0, 1.2)));
    assert.equal(statusOf(onlyInr, 'coagulation', both), 'unknown');
    assert.equal(statusOf(onlyInr, 'coagulation', either), 'met');
    const oneHigh = coag((r) => r.observations.push(inr(2.0, 1.2), aptt(30)));
    assert.equal(statusOf(oneHigh, 'coagulation', both), 'not-met');
    assert.equal(statusOf(oneHigh, 'coagulation', either), 'met');
    const c = criterion(oneHigh, 'coagulation', either);
    assert.ok(c.evidence.some((e) => e.item === 'switch:coagulation' && e.value === 'either'), 'the reading used is evidence');
  });
});

describe('cardiac (I11)', () => {
  it('LVEF exactly 40 % met, 39 % not, none unknown', () => {
    assert.equal(statusOf(lab('lvef', 40, '%'), 'cardiac'), 'met');
    assert.equal(statusOf(lab('lvef', 39, '%'), 'cardiac'), 'not-met');
    assert.deepEqual(missingCodes(criterion(patient((r) => without(r, 'lvef')), 'cardiac')), ['lvef:no_result_in_window']);
  });
});

describe('pulmonary (I12)', () => {
  const spo2 = (v: number, onRoomAir?: boolean) =>
    patient((r) => {
      without(r, 'spo2');
      r.observations.push(qty('spo2', v, '%', undefined, onRoomAir === undefined ? {} : { onRoomAir }));
    });
  const dyspnea = (grade: number | string) =>
    patient((r) => {
      r.answers = r.answers.filter((a) => a.linkId !== 'dyspnea-grade');
      r.answers.push({ questionnaire: 'screening-attestations', linkId: 'dyspnea-grade', value: grade, date: '2026-02-20', source: 'QuestionnaireResponse/x' });
    });

  it('SpO2 exactly 92 % on room air met, 91 % not', () => {
    assert.equal(statusOf(spo2(92, true), 'pulmonary'), 'met');
    assert.equal(statusOf(spo2(91, true), 'pulmonary'), 'not-met');
  });

  it('SpO2 not documented as room air, or on oxygen → unknown', () => {
    assert.deepEqual(missingCodes(criterion(spo2(97), 'pulmonary')), ['spo2:room_air_not_documented']);
    assert.deepEqual(missingCodes(criterion(spo2(97, false), 'pulmonary')), ['spo2:no_room_air_result']);
  });

  it('dyspnoea grade 1 met, grade 2 not met, unanswered or not a number unknown', () => {
    assert.equal(statusOf(dyspnea(1), 'pulmonary'), 'met');
    assert.equal(statusOf(dyspnea(2), 'pulmonary'), 'not-met');
    assert.deepEqual(missingCodes(criterion(dyspnea('mild'), 'pulmonary')), ['dyspnea-grade:unexpected_answer']);
    const none = patient((r) => { r.answers = r.answers.filter((a) => a.linkId !== 'dyspnea-grade'); });
    assert.deepEqual(missingCodes(criterion(none, 'pulmonary')), ['dyspnea-grade:not_answered']);
  });
});

describe('hepatic (I13)', () => {
  it('ALT exactly 2.5×ULN met (100 U/L, ULN 40); 101 not met; AST likewise', () => {
    assert.equal(statusOf(lab('alt', 100, 'U/L', { uln: 40 }), 'hepatic'), 'met');
    const high = criterion(lab('alt', 101, 'U/L', { uln: 40 }), 'hepatic');
    assert.equal(high.status, 'not-met');
    assert.equal(high.reason.code, 'lab_above_limit');
    assert.equal(statusOf(lab('ast', 101, 'U/L', { uln: 40 }), 'hepatic'), 'not-met');
  });

  it('ALT without a ULN and no site range → unknown no_reference_range', () => {
    assert.deepEqual(missingCodes(criterion(lab('alt', 30, 'U/L'), 'hepatic')), ['alt:no_reference_range']);
  });

  it('bilirubin: exactly 2.0 mg/dL and 34.2 µmol/L are not met (strict <); 1.99 mg/dL and 34.1 µmol/L met', () => {
    assert.equal(statusOf(lab('bilirubin', 2.0, 'mg/dL'), 'hepatic'), 'not-met');
    assert.equal(statusOf(lab('bilirubin', 34.2, 'umol/L'), 'hepatic'), 'not-met');
    assert.equal(statusOf(lab('bilirubin', 34.2, 'µmol/L'), 'hepatic'), 'not-met');
    assert.equal(statusOf(lab('bilirubin', 1.99, 'mg/dL'), 'hepatic'), 'met');
    assert.equal(statusOf(lab('bilirubin', 34.1, 'µmol/L'), 'hepatic'), 'met');
  });

  it('Gilbert syndrome raises the bilirubin limit to < 3.0 mg/dL (51.3 µmol/L)', () => {
    const gilbert = (v: number, unit: string) =>
      patient((r) => {
        without(r, 'bilirubin');
        r.observations.push(qty('bilirubin', v, unit));
        r.conditions.push(condition('gilbert', '2010-01-01'));
      });
    assert.equal(statusOf(gilbert(2.5, 'mg/dL'), 'hepatic'), 'met');
    assert.equal(statusOf(gilbert(51.3, 'umol/L'), 'hepatic'), 'not-met');
    assert.equal(statusOf(gilbert(51.2, 'umol/L'), 'hepatic'), 'met');
  });

  it('T11: bilirubin 40 µmol/L (2.34 mg/dL) fails I13 unless Gilbert', () => {
    const t11 = (gilbertSyndrome: boolean) =>
      patient((r) => {
        without(r, 'bilirubin');
        r.observations.push(qty('bilirubin', 40, 'umol/L', undefined, { uln: 21 }));
        if (gilbertSyndrome) r.conditions.push(condition('gilbert'));
      });
    assert.equal(statusOf(t11(false), 'hepatic'), 'not-met');
    assert.equal(statusOf(t11(true), 'hepatic'), 'met');
    const refuted = patient((r) => {
      without(r, 'bilirubin');
      r.observations.push(qty('bilirubin', 40, 'umol/L'));
      r.conditions.push(condition('gilbert', undefined, false));
    });
    assert.equal(statusOf(refuted, 'hepatic'), 'not-met', 'a refuted Gilbert diagnosis does not count');
  });

  it('no AST → unknown; no bilirubin → unknown', () => {
    assert.deepEqual(missingCodes(criterion(patient((r) => without(r, 'ast')), 'hepatic')), ['ast:no_result_in_window']);
    const noBili = criterion(patient((r) => without(r, 'bilirubin')), 'hepatic');
    assert.equal(noBili.status, 'unknown');
    assert.deepEqual([...new Set(missingCodes(noBili))], ['bilirubin:no_result_in_window']);
  });
});

it('the screening date is the asOf passed in: the same labs are stale a month later', () => {
  assert.equal(statusOf(patient(), 'cardiac', hn2301, ASOF), 'met');
  assert.equal(statusOf(patient(), 'cardiac', hn2301, '2026-04-01'), 'unknown');
});
