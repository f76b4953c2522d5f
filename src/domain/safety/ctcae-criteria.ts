// CTCAE v5.0 laboratory criteria as data. Bounds and rule texts are copied from the CTCAE v5.0
// text in pharmaverse/admiral data-raw/adlb_grading/ncictcaev5.json (checked against
// shared/domain/domain.md §5.2). Range convention (domain.md §5.1): "<1.5 - 1.0" is
// 1.0 ≤ x < 1.5 and ">3.0 - 5.0 x ULN" is 3·ULN < x ≤ 5·ULN; a bound written without "<" or ">"
// ("1.5 - 3.0 x baseline") is inclusive.
import { Analyte } from '../units/index.ts';
import { CtcaeTerm } from './ctcae-terms.ts';
import { SafetyGrade } from './grade.ts';

/** A grade met when the value is strictly below a fixed bound. */
export interface BelowBound {
  readonly grade: SafetyGrade;
  readonly below: number;
  readonly rule: string;
}

/** One unit system's fixed bounds, most severe first; grade 1 is "< LLN" down to the last bound. */
export interface LowScale {
  readonly unit: string;
  readonly bounds: readonly BelowBound[];
  readonly belowLlnRule: string;
}

export interface DecreaseCriteria {
  readonly kind: 'decrease';
  readonly analyte?: Analyte;
  /** The first scale is the default; a value is graded in the scale of its own unit system. */
  readonly scales: readonly [LowScale, ...LowScale[]];
  /** The lowest grade that needs clinical findings rather than a number ("life-threatening consequences"). */
  readonly clinicalFrom?: SafetyGrade;
}

/** A grade met when the value exceeds (or, if inclusive, reaches) factor × a reference. */
export interface Multiple {
  readonly grade: SafetyGrade;
  readonly factor: number;
  readonly inclusive: boolean;
  readonly rule: string;
}

/** Multiples of one reference, least severe first, and the rule text when none is met. */
export interface MultipleScale {
  readonly bands: readonly Multiple[];
  readonly noneRule: string;
}

export interface IncreaseCriteria {
  readonly kind: 'increase';
  /** The unit family the value must be in; comparisons happen in the value's own unit. */
  readonly unit: string;
  readonly analyte?: Analyte;
  readonly uln: MultipleScale;
  /**
   * `if-abnormal`: multiples of baseline replace multiples of ULN when baseline > ULN (ALT, AST,
   * ALP, GGT, bilirubin). `also`: both apply and the highest grade wins (creatinine).
   */
  readonly baseline?: { readonly use: 'if-abnormal' | 'also'; readonly scale: MultipleScale };
}

const G = SafetyGrade;
const above = (grade: SafetyGrade, factor: number, rule: string): Multiple => ({ grade, factor, inclusive: false, rule });
const from = (grade: SafetyGrade, factor: number, rule: string): Multiple => ({ grade, factor, inclusive: true, rule });
const below = (grade: SafetyGrade, bound: number, rule: string): BelowBound => ({ grade, below: bound, rule });

function countScale(g4: number, g3: number, g2: number, text: [string, string, string, string]): DecreaseCriteria {
  const [t4, t3, t2, t1] = text;
  const bounds = [below(G.lifeThreatening, g4, t4), below(G.severe, g3, t3), below(G.moderate, g2, t2)];
  return { kind: 'decrease', scales: [{ unit: '10*9/L', bounds, belowLlnRule: t1 }] };
}

/**
 * ALT, AST (grade 1 from 1.5 × baseline, grade 2 above 3.0) and ALP, GGT (2.0 and 2.5): multiples of
 * ULN if baseline was normal, of baseline if it was abnormal; grades 3 and 4 above 5.0 and 20.0.
 */
function hepatic(g1Baseline: number, g2: number): IncreaseCriteria {
  const [b1, f2] = [g1Baseline.toFixed(1), g2.toFixed(1)];
  const n = ' (baseline normal)';
  const a = ' (baseline abnormal)';
  return {
    kind: 'increase',
    unit: 'U/L',
    uln: {
      bands: [
        above(G.mild, 1, `>ULN - ${f2} x ULN${n}`),
        above(G.moderate, g2, `>${f2} - 5.0 x ULN${n}`),
        above(G.severe, 5, `>5.0 - 20.0 x ULN${n}`),
        above(G.lifeThreatening, 20, `>20.0 x ULN${n}`),
      ],
      noneRule: `not above ULN${n}`,
    },
    baseline: {
      use: 'if-abnormal',
      scale: {
        bands: [
          from(G.mild, g1Baseline, `${b1} - ${f2} x baseline${a}`),
          above(G.moderate, g2, `>${f2} - 5.0 x baseline${a}`),
          above(G.severe, 5, `>5.0 - 20.0 x baseline${a}`),
          above(G.lifeThreatening, 20, `>20.0 x baseline${a}`),
        ],
        noneRule: `<${b1} x baseline${a}`,
      },
    },
  };
}

const e9 = ' x 10e9 /L';

export const ctcaeCriteria: Readonly<Record<Exclude<CtcaeTerm, 'inr-increased' | 'fever'>, DecreaseCriteria | IncreaseCriteria>> = {
  [CtcaeTerm.neutrophilCountDecreased]: countScale(0.5, 1.0, 1.5, [`<0.5${e9}`, `<1.0 - 0.5${e9}`, `<1.5 - 1.0${e9}`, `<LLN - 1.5${e9}`]),
  [CtcaeTerm.lymphocyteCountDecreased]: countScale(0.2, 0.5, 0.8, [`<0.2${e9}`, `<0.5 - 0.2${e9}`, `<0.8 - 0.5${e9}`, `<LLN - 0.8${e9}`]),
  [CtcaeTerm.whiteBloodCellDecreased]: countScale(1.0, 2.0, 3.0, [`<1.0${e9}`, `<2.0 - 1.0${e9}`, `<3.0 - 2.0${e9}`, `<LLN - 3.0${e9}`]),
  [CtcaeTerm.plateletCountDecreased]: countScale(25, 50, 75, [`<25.0${e9}`, `<50.0 - 25.0${e9}`, `<75.0 - 50.0${e9}`, `<LLN - 75.0${e9}`]),
  // CTCAE prints its own mmol/L bounds (6.2, 4.9), which are rounded conversions of 100 and 80 g/L;
  // a value reported in mmol/L is graded against them as printed rather than converted to g/L.
  [CtcaeTerm.anemia]: {
    kind: 'decrease',
    analyte: Analyte.hemoglobin,
    clinicalFrom: G.lifeThreatening,
    scales: [
      { unit: 'g/L', bounds: [below(G.severe, 80, 'Hgb <80 g/L'), below(G.moderate, 100, 'Hgb <100 - 80 g/L')], belowLlnRule: 'Hgb <LLN - 100 g/L' },
      { unit: 'g/dL', bounds: [below(G.severe, 8, 'Hgb <8.0 g/dL'), below(G.moderate, 10, 'Hgb <10.0 - 8.0 g/dL')], belowLlnRule: 'Hgb <LLN - 10.0 g/dL' },
      { unit: 'mmol/L', bounds: [below(G.severe, 4.9, 'Hgb <4.9 mmol/L'), below(G.moderate, 6.2, 'Hgb <6.2 - 4.9 mmol/L')], belowLlnRule: 'Hgb <LLN - 6.2 mmol/L' },
    ],
  },
  [CtcaeTerm.hypoalbuminemia]: {
    kind: 'decrease',
    clinicalFrom: G.lifeThreatening,
    scales: [
      { unit: 'g/L', bounds: [below(G.severe, 20, '<20 g/L'), below(G.moderate, 30, '<30 - 20 g/L')], belowLlnRule: '<LLN - 30 g/L' },
      { unit: 'g/dL', bounds: [below(G.severe, 2, '<2 g/dL'), below(G.moderate, 3, '<3 - 2 g/dL')], belowLlnRule: '<LLN - 3 g/dL' },
    ],
  },
  [CtcaeTerm.alanineAminotransferaseIncreased]: hepatic(1.5, 3),
  [CtcaeTerm.aspartateAminotransferaseIncreased]: hepatic(1.5, 3),
  [CtcaeTerm.alkalinePhosphataseIncreased]: hepatic(2, 2.5),
  [CtcaeTerm.ggtIncreased]: hepatic(2, 2.5),
  [CtcaeTerm.bloodBilirubinIncreased]: {
    kind: 'increase',
    unit: 'umol/L',
    analyte: Analyte.bilirubin,
    uln: {
      bands: [
        above(G.mild, 1, '>ULN - 1.5 x ULN (baseline normal)'),
        above(G.moderate, 1.5, '>1.5 - 3.0 x ULN (baseline normal)'),
        above(G.severe, 3, '>3.0 - 10.0 x ULN (baseline normal)'),
        above(G.lifeThreatening, 10, '>10.0 x ULN (baseline normal)'),
      ],
      noneRule: 'not above ULN (baseline normal)',
    },
    baseline: {
      use: 'if-abnormal',
      scale: {
        bands: [
          above(G.mild, 1, '>1.0 - 1.5 x baseline (baseline abnormal)'),
          above(G.moderate, 1.5, '>1.5 - 3.0 x baseline (baseline abnormal)'),
          above(G.severe, 3, '>3.0 - 10.0 x baseline (baseline abnormal)'),
          above(G.lifeThreatening, 10, '>10.0 x baseline (baseline abnormal)'),
        ],
        noneRule: 'not above baseline (baseline abnormal)',
      },
    },
  },
  // Grade 1 has no baseline criterion; grade 3 by baseline is open-ended (">3.0 baseline").
  [CtcaeTerm.creatinineIncreased]: {
    kind: 'increase',
    unit: 'umol/L',
    analyte: Analyte.creatinine,
    uln: {
      bands: [
        above(G.mild, 1, '>ULN - 1.5 x ULN'),
        above(G.moderate, 1.5, '>1.5 - 3.0 x ULN'),
        above(G.severe, 3, '>3.0 - 6.0 x ULN'),
        above(G.lifeThreatening, 6, '>6.0 x ULN'),
      ],
      noneRule: 'not above ULN',
    },
    baseline: {
      use: 'also',
      scale: {
        bands: [above(G.moderate, 1.5, '>1.5 - 3.0 x baseline'), above(G.severe, 3, '>3.0 x baseline')],
        noneRule: 'not above 1.5 x baseline',
      },
    },
  },
  // Grade 3 also reads "bleeding", a clinical finding; there is no grade 4.
  [CtcaeTerm.activatedPartialThromboplastinTimeProlonged]: {
    kind: 'increase',
    unit: 's',
    uln: {
      bands: [above(G.mild, 1, '>ULN - 1.5 x ULN'), above(G.moderate, 1.5, '>1.5 - 2.5 x ULN'), above(G.severe, 2.5, '>2.5 x ULN')],
      noneRule: 'not above ULN',
    },
  },
};
