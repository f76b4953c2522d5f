// The units FirstDose understands, by UCUM code (https://ucum.org), with the spellings that lab
// systems and people actually send. A unit converts to its dimension's base unit as
// value × multiplier × 10^exponent (+ offset, for temperatures); keeping powers of ten apart from
// other multipliers lets decimal shifts (g/dL → g/L, cells/µL → 10^9/L) stay exact.

export const Dimension = {
  massConcentration: 'mass-concentration',
  substanceConcentration: 'substance-concentration',
  numberConcentration: 'number-concentration',
  catalyticConcentration: 'catalytic-concentration',
  fraction: 'fraction',
  temperature: 'temperature',
  mass: 'mass',
  length: 'length',
  time: 'time',
  flowRate: 'flow-rate',
  inr: 'inr',
  titer: 'titer',
} as const;
export type Dimension = (typeof Dimension)[keyof typeof Dimension];

export interface UnitDefinition {
  /** The UCUM code, the form FirstDose stores and emits. */
  readonly code: string;
  /** How people write it in reports and screens. */
  readonly display: string;
  readonly dimension: Dimension;
  readonly exponent: number;
  readonly multiplier: number;
  readonly offset: number;
  readonly aliases: readonly string[];
}

type Row = [code: string, display: string, dimension: Dimension, exponent: number, aliases: string[], multiplier?: number, offset?: number];

const D = Dimension;

// Base units: g/L, umol/L, 10*9/L, U/L, %, Cel, mg, cm, s, mL/min.
const rows: Row[] = [
  ['g/L', 'g/L', D.massConcentration, 0, []],
  ['g/dL', 'g/dL', D.massConcentration, 1, []],
  ['mg/dL', 'mg/dL', D.massConcentration, -2, []],
  ['mg/L', 'mg/L', D.massConcentration, -3, ['ug/mL', 'µg/mL', 'μg/mL']],
  ['umol/L', 'µmol/L', D.substanceConcentration, 0, ['µmol/L', 'μmol/L', 'umol/l', 'µmol/l']],
  ['mmol/L', 'mmol/L', D.substanceConcentration, 3, ['mmol/l']],
  ['nmol/L', 'nmol/L', D.substanceConcentration, -3, ['nmol/l']],
  ['10*9/L', '×10⁹/L', D.numberConcentration, 0, ['10^9/L', 'x10^9/L', '×10^9/L', '10⁹/L', '×10⁹/L', 'x10E9/L', '10E9/L', 'G/L', '10*9/l']],
  ['10*3/uL', '×10³/µL', D.numberConcentration, 0, ['10^3/uL', '10^3/µL', '10^3/μL', 'x10^3/uL', 'x10^3/µL', '10*3/µL', 'K/uL', 'K/µL', '10^3/mm3', '10*3/mm3', '10³/µL', '10³/mm³', 'x10E3/uL']],
  ['10*12/L', '×10¹²/L', D.numberConcentration, 3, ['10^12/L', 'x10^12/L', 'T/L']],
  ['10*6/uL', '×10⁶/µL', D.numberConcentration, 3, ['10^6/uL', '10^6/µL', 'M/uL']],
  ['/uL', '/µL', D.numberConcentration, -3, ['/µL', '/μL', 'cells/uL', 'cells/µL', 'cells/μL', '{cells}/uL', '{cells}/µL', '/mm3', '/mm³', 'cells/mm3', 'cells/mm³', '{cells}/mm3']],
  ['/L', '/L', D.numberConcentration, -9, []],
  ['U/L', 'U/L', D.catalyticConcentration, 0, ['IU/L', '[IU]/L', 'u/L', 'U/l']],
  ['ukat/L', 'µkat/L', D.catalyticConcentration, 0, ['µkat/L', 'μkat/L'], 60],
  ['%', '%', D.fraction, 0, ['percent']],
  ['Cel', '°C', D.temperature, 0, ['°C', 'C', 'degC', '℃']],
  ['[degF]', '°F', D.temperature, 0, ['°F', 'F', 'degF', '℉'], 5 / 9, -32 * (5 / 9)],
  ['mg', 'mg', D.mass, 0, []],
  ['g', 'g', D.mass, 3, []],
  ['ug', 'µg', D.mass, -3, ['µg', 'μg', 'mcg']],
  ['kg', 'kg', D.mass, 6, []],
  ['[lb_av]', 'lb', D.mass, 0, ['lb', 'lbs'], 453592.37],
  ['cm', 'cm', D.length, 0, []],
  ['m', 'm', D.length, 2, []],
  ['mm', 'mm', D.length, -1, []],
  ['[in_i]', 'in', D.length, 0, ['in'], 2.54],
  ['s', 's', D.time, 0, ['sec', 'seconds']],
  ['min', 'min', D.time, 0, [], 60],
  ['h', 'h', D.time, 0, ['hr', 'hours'], 3600],
  ['d', 'd', D.time, 0, ['day', 'days'], 86400],
  ['mL/min', 'mL/min', D.flowRate, 0, ['ml/min']],
  ['{INR}', 'INR', D.inr, 0, ['INR', '{ratio}', '1']],
  ['{titer}', 'titer', D.titer, 0, ['titer', '{titre}']],
];

export const units: readonly UnitDefinition[] = rows.map(
  ([code, display, dimension, exponent, aliases, multiplier = 1, offset = 0]) => ({
    code,
    display,
    dimension,
    exponent,
    multiplier,
    offset,
    aliases,
  }),
);

const byName = new Map<string, UnitDefinition>();
for (const unit of units) {
  for (const name of [unit.code, unit.display, ...unit.aliases]) byName.set(name, unit);
}

/** Looks a unit up by its UCUM code or a common spelling; undefined when unknown. */
export function findUnit(text: string): UnitDefinition | undefined {
  return byName.get(text.trim().replaceAll(' ', ''));
}

/**
 * Substances whose mass and molar concentrations FirstDose converts between, as µmol/L per mg/dL.
 * These are the factors clinical tables print (shared/domain/domain.md §6.3), not molar masses
 * recomputed to more digits: protocol thresholds are written with them (bilirubin 2.0 mg/dL is
 * "34.2 µmol/L"), so a value exactly at a threshold must convert exactly onto it.
 */
export const Analyte = {
  creatinine: 'creatinine',
  bilirubin: 'bilirubin',
  hemoglobin: 'hemoglobin',
} as const;
export type Analyte = (typeof Analyte)[keyof typeof Analyte];

export const micromolPerLitrePerMgPerDl: Readonly<Record<Analyte, number>> = {
  creatinine: 88.4,
  bilirubin: 17.1,
  // Haemoglobin as the monomer (g/dL × 0.6206 = mmol/L, which is the same ratio as mg/dL to µmol/L).
  hemoglobin: 0.6206,
};
