// I8 SLEDAI-2K (cases S1–S8), I2 2019 EULAR/ACR (cases C1–C7), I14 Cockcroft–Gault (cases G1–G6)
// from shared/domain/domain.md §7, evaluated through the HN2301 protocol from PatientRecord facts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hn2301 } from '../../protocols/test-support.ts';
import { answer, coded, eular, missingCodes, patient, qty, RECENT, screenWith, sledai, titer, without } from './test-support.ts';

const { criterion, statusOf } = screenWith(hn2301);

const withSledai = (items: readonly string[], date: string | undefined = RECENT) =>
  patient((r) => {
    r.answers = [...r.answers.filter((a) => a.questionnaire !== 'sledai-2k'), ...sledai(items, date)];
  });

describe('sledai-2k (I8): cases S1–S8', () => {
  const all24 = [
    'seizure', 'psychosis', 'organic-brain-syndrome', 'visual-disturbance', 'cranial-nerve-disorder', 'lupus-headache', 'cva', 'vasculitis',
    'arthritis', 'myositis', 'urinary-casts', 'hematuria', 'proteinuria', 'pyuria', 'rash', 'alopecia', 'mucosal-ulcers', 'pleurisy',
    'pericarditis', 'low-complement', 'increased-dna-binding', 'fever', 'thrombocytopenia', 'leukopenia',
  ];
  const cases: Array<[string, string[], number, number, 'met' | 'not-met']> = [
    ['S1', ['arthritis', 'rash', 'mucosal-ulcers', 'low-complement', 'increased-dna-binding'], 12, 8, 'met'],
    ['S2', ['low-complement', 'increased-dna-binding', 'alopecia'], 6, 2, 'not-met'],
    ['S3', ['proteinuria', 'low-complement'], 6, 4, 'met'],
    ['S4', ['leukopenia', 'fever', 'pleurisy', 'alopecia'], 6, 6, 'met'],
    ['S5', ['thrombocytopenia', 'leukopenia', 'low-complement', 'increased-dna-binding'], 6, 2, 'not-met'],
    ['S6', ['urinary-casts', 'hematuria', 'proteinuria', 'pyuria', 'rash', 'low-complement', 'increased-dna-binding'], 22, 18, 'met'],
    ['S7', all24, 105, 101, 'met'],
    // C3, C4 and CH50 all low are one descriptor: 2 points.
    ['S8', ['low-complement'], 2, 0, 'not-met'],
  ];
  for (const [name, items, total, clinical, status] of cases) {
    it(`${name}: total ${total}, clinical ${clinical} → ${status}`, () => {
      const c = criterion(withSledai(items), 'sledai-2k');
      assert.equal(c.status, status);
      assert.equal(c.reason.params?.total, total);
      assert.equal(c.reason.params?.clinical, clinical);
    });
  }

  it('S2 fails on the clinical score, a total of 4 fails on the total', () => {
    assert.equal(criterion(withSledai(['low-complement', 'increased-dna-binding', 'alopecia']), 'sledai-2k').reason.code, 'sledai2k_clinical_below');
    assert.equal(criterion(withSledai(['arthritis']), 'sledai-2k').reason.code, 'sledai2k_total_below');
  });

  it('no SLEDAI-2K questionnaire → unknown not_answered; one older than the window → result_too_old', () => {
    const none = criterion(patient((r) => { r.answers = r.answers.filter((a) => a.questionnaire !== 'sledai-2k'); }), 'sledai-2k');
    assert.equal(none.status, 'unknown');
    assert.deepEqual(missingCodes(none), ['sledai-2k:not_answered']);
    assert.deepEqual(missingCodes(criterion(withSledai(['arthritis', 'rash'], '2025-12-01'), 'sledai-2k')), ['sledai-2k:result_too_old']);
  });

  it('the latest response in the window is used; false answers and unknown codes score nothing', () => {
    const r = patient((x) => {
      x.answers = [
        ...x.answers.filter((a) => a.questionnaire !== 'sledai-2k'),
        ...sledai(['seizure'], '2026-02-05'),
        ...sledai(['arthritis'], '2026-02-25'),
        answer('sledai-2k', 'rash', false, '2026-02-25'),
        answer('sledai-2k', 'not-an-item', true, '2026-02-25'),
      ];
    });
    assert.equal(criterion(r, 'sledai-2k').reason.params?.total, 4);
  });
});

describe('sle-classification (I2): cases C1–C7', () => {
  const classified = (ana: number, items: string[]) =>
    patient((r) => {
      without(r, 'anaTiter');
      r.observations.push(titer('anaTiter', ana, '2024-05-01'));
      r.answers = [...r.answers.filter((a) => a.questionnaire !== 'eular-acr-2019'), ...eular(items)];
    });
  const cases: Array<[string, number, string[], number, 'met' | 'not-met']> = [
    ['C1', 160, ['fever', 'non-scarring-alopecia', 'oral-ulcers', 'joint-involvement', 'low-c3-or-low-c4', 'anti-dsdna-or-anti-smith'], 19, 'met'],
    ['C2', 40, ['fever', 'joint-involvement', 'anti-dsdna-or-anti-smith', 'low-c3-and-low-c4'], 18, 'not-met'],
    ['C3', 320, ['anti-dsdna-or-anti-smith', 'low-c3-and-low-c4', 'antiphospholipid-antibodies'], 12, 'not-met'],
    ['C4', 80, ['leukopenia', 'thrombocytopenia', 'autoimmune-hemolysis', 'subacute-cutaneous-or-discoid-lupus', 'acute-cutaneous-lupus'], 10, 'met'],
    ['C5', 80, ['renal-biopsy-class-3-or-4', 'proteinuria'], 10, 'met'],
    ['C6', 80, ['pleural-or-pericardial-effusion', 'acute-pericarditis', 'fever'], 8, 'not-met'],
    ['C7', 160, ['non-scarring-alopecia', 'low-c3-or-low-c4', 'anti-dsdna-or-anti-smith'], 11, 'met'],
  ];
  for (const [name, ana, items, points, status] of cases) {
    it(`${name}: ANA 1:${ana}, ${points} points → ${status}`, () => {
      const c = criterion(classified(ana, items), 'sle-classification');
      assert.equal(c.status, status);
      assert.equal(c.reason.params?.points, points);
    });
  }

  it('C2 fails on the entry criterion, C3 on the missing clinical criterion', () => {
    assert.equal(criterion(classified(40, ['fever', 'joint-involvement']), 'sle-classification').reason.code, 'eular_acr_entry_not_met');
    assert.equal(criterion(classified(320, ['anti-dsdna-or-anti-smith', 'low-c3-and-low-c4', 'antiphospholipid-antibodies']), 'sle-classification').reason.code, 'eular_acr_no_clinical_criterion');
  });

  it('the ANA entry counts on any date before screening, and a coded positive ANA counts', () => {
    const r = patient((x) => {
      without(x, 'anaTiter');
      x.observations.push(coded('anaTiter', 'positive', '2019-03-01'), titer('anaTiter', 40, RECENT));
    });
    assert.equal(statusOf(r, 'sle-classification'), 'met');
  });

  it('no ANA on record → unknown, unless an investigator answer records a positive ANA', () => {
    const noAna = patient((x) => without(x, 'anaTiter'));
    const c = criterion(noAna, 'sle-classification');
    assert.equal(c.status, 'unknown');
    assert.deepEqual(missingCodes(c), ['anaTiter:no_result']);
    const attested = patient((x) => {
      without(x, 'anaTiter');
      x.answers.push(answer('eular-acr-2019', 'ana', true, '2025-12-01'));
    });
    assert.equal(statusOf(attested, 'sle-classification'), 'met');
    const denied = patient((x) => {
      without(x, 'anaTiter');
      x.answers.push(answer('eular-acr-2019', 'ana', false, '2025-12-01'));
    });
    assert.equal(statusOf(denied, 'sle-classification'), 'unknown', "an answer cannot show ANA was never positive: test it");
  });

  it('no EULAR/ACR questionnaire → unknown; but an ANA below 1:80 settles not met without it', () => {
    const none = patient((x) => { x.answers = x.answers.filter((a) => a.questionnaire !== 'eular-acr-2019'); });
    assert.deepEqual(missingCodes(criterion(none, 'sle-classification')), ['eular-acr-2019:not_answered']);
    const negative = patient((x) => {
      x.answers = x.answers.filter((a) => a.questionnaire !== 'eular-acr-2019');
      without(x, 'anaTiter');
      x.observations.push(titer('anaTiter', 40));
    });
    assert.equal(statusOf(negative, 'sle-classification'), 'not-met');
  });
});

describe('renal (I14): Cockcroft–Gault cases G1–G6', () => {
  const cg = (sex: 'female' | 'male' | undefined, age: number, kg: number, scr: number, unit = 'mg/dL') =>
    patient((r) => {
      if (sex === undefined) delete r.sex;
      else r.sex = sex;
      // Born on 1 January: `age` completed years on the screening date 2026-03-01.
      r.birthDate = `${2026 - age}-01-01`;
      without(r, 'weight', 'creatinine');
      r.observations.push(qty('weight', kg, 'kg'), qty('creatinine', scr, unit));
    });
  const ml = (r: ReturnType<typeof cg>) => criterion(r, 'renal').reason.params?.mlPerMin as number;

  it('G1 F 35 y 55 kg 0.8 mg/dL → 85.2 met', () => {
    assert.equal(statusOf(cg('female', 35, 55, 0.8), 'renal'), 'met');
    assert.equal(ml(cg('female', 35, 55, 0.8)).toFixed(1), '85.2');
  });
  it('G2 F 60 y 50 kg 106 µmol/L → 39.4 not met (exact 88.4 factor)', () => {
    assert.equal(statusOf(cg('female', 60, 50, 106, 'umol/L'), 'renal'), 'not-met');
    assert.equal(ml(cg('female', 60, 50, 106, 'µmol/L')).toFixed(1), '39.4');
  });
  it('G3 M 65 y 70 kg 1.4 mg/dL → 52.1; G4 F 45 y 60 kg 0.9 → 74.8; G5 M 60 y 80 kg 1.2 → 74.1', () => {
    assert.equal(ml(cg('male', 65, 70, 1.4)).toFixed(1), '52.1');
    assert.equal(ml(cg('female', 45, 60, 0.9)).toFixed(1), '74.8');
    assert.equal(ml(cg('male', 60, 80, 1.2)).toFixed(1), '74.1');
  });
  it('G6 M 50 y 60 kg 1.5 mg/dL → exactly 50.0 → met (≥), also as 132.6 µmol/L', () => {
    assert.equal(ml(cg('male', 50, 60, 1.5)), 50);
    assert.equal(statusOf(cg('male', 50, 60, 1.5), 'renal'), 'met');
    assert.equal(statusOf(cg('male', 50, 60, 132.6, 'umol/L'), 'renal'), 'met');
    assert.equal(statusOf(cg('male', 50, 60, 1.51), 'renal'), 'not-met');
  });
  it('weight in lb converts', () => {
    assert.equal(statusOf(patient((r) => { without(r, 'weight'); r.observations.push(qty('weight', 121.25, 'lb')); }), 'renal'), 'met');
  });
  it('missing weight, creatinine or birth date → unknown, naming each', () => {
    const c = criterion(patient((r) => { without(r, 'weight', 'creatinine'); delete r.birthDate; }), 'renal');
    assert.equal(c.status, 'unknown');
    assert.deepEqual(missingCodes(c), ['birthDate:no_birth_date', 'weight:no_result_in_window', 'creatinine:no_result_in_window']);
    assert.deepEqual(missingCodes(criterion(patient((r) => { without(r, 'creatinine'); r.observations.push(qty('creatinine', 0, 'mg/dL')); }), 'renal')), ['creatinine:implausible_value']);
  });
  it('sex not recorded: decided when both sexes agree, else unknown', () => {
    assert.equal(statusOf(cg(undefined, 35, 55, 0.8), 'renal'), 'met', 'female 85 ≥ 50, so male too');
    assert.equal(statusOf(cg(undefined, 60, 50, 1.8), 'renal'), 'not-met', 'male 30.9 < 50, so female too');
    const between = criterion(cg(undefined, 50, 60, 1.4), 'renal'); // male 53.6, female 45.5
    assert.equal(between.status, 'unknown');
    assert.deepEqual(missingCodes(between), ['sex:sex_unknown']);
  });
});
