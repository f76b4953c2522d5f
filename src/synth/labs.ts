// Laboratory tests the HN2301 criteria read, with the distributions a lupus clinic sees. Values
// are drawn in the lab's base unit and sometimes reported in the other unit Chinese and Western
// labs use (µmol/L vs mg/dL, g/L vs g/dL), with that unit's reference range, as a real feed does.
import type { ObservationValue, Range, ResourceFactory, Resource } from './fhir.ts';
import { clamp, type Rng, round } from './rng.ts';

interface Unit {
  readonly unit: string;
  /** Multiply a base-unit value by this to express it in `unit`. */
  readonly factor: number;
  readonly digits: number;
}

export interface LabTest {
  readonly key: string;
  readonly code: string;
  readonly display: string;
  readonly units: readonly [Unit, ...Unit[]];
  /** Probability of reporting in the second unit. */
  readonly altUnitShare: number;
  readonly range?: Range;
  readonly min: number;
  readonly max: number;
}

const u = (unit: string, factor: number, digits: number): Unit => ({ unit, factor, digits });

export const labTests = {
  anc: { key: 'anc', code: '751-8', display: 'Neutrophils [#/volume] in Blood by Automated count', units: [u('10*9/L', 1, 2), u('10*3/uL', 1, 2)], altUnitShare: 0.2, range: { low: 1.8, high: 6.3 }, min: 0.2, max: 15 },
  alc: { key: 'alc', code: '731-0', display: 'Lymphocytes [#/volume] in Blood by Automated count', units: [u('10*9/L', 1, 2), u('10*3/uL', 1, 2)], altUnitShare: 0.2, range: { low: 1.1, high: 3.2 }, min: 0.1, max: 6 },
  hemoglobin: { key: 'hemoglobin', code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', units: [u('g/L', 1, 0), u('g/dL', 0.1, 1)], altUnitShare: 0.25, range: { low: 115, high: 150 }, min: 50, max: 180 },
  inr: { key: 'inr', code: '6301-6', display: 'INR in Platelet poor plasma by Coagulation assay', units: [u('{INR}', 1, 2)], altUnitShare: 0, range: { low: 0.8, high: 1.2 }, min: 0.7, max: 4 },
  aptt: { key: 'aptt', code: '14979-9', display: 'aPTT in Platelet poor plasma by Coagulation assay', units: [u('s', 1, 1)], altUnitShare: 0, range: { low: 25, high: 37 }, min: 18, max: 90 },
  lvef: { key: 'lvef', code: '10230-1', display: 'Left ventricular Ejection fraction', units: [u('%', 1, 0)], altUnitShare: 0, min: 15, max: 80 },
  alt: { key: 'alt', code: '1742-6', display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', units: [u('U/L', 1, 0)], altUnitShare: 0, range: { low: 7, high: 40 }, min: 3, max: 600 },
  ast: { key: 'ast', code: '1920-8', display: 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma', units: [u('U/L', 1, 0)], altUnitShare: 0, range: { low: 13, high: 35 }, min: 5, max: 600 },
  bilirubin: { key: 'bilirubin', code: '1975-2', display: 'Bilirubin.total [Mass/volume] in Serum or Plasma', units: [u('umol/L', 1, 1), u('mg/dL', 1 / 17.1, 2)], altUnitShare: 0.3, range: { low: 3.4, high: 20.5 }, min: 1, max: 120 },
  creatinine: { key: 'creatinine', code: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma', units: [u('umol/L', 1, 0), u('mg/dL', 1 / 88.4, 2)], altUnitShare: 0.3, range: { low: 41, high: 81 }, min: 25, max: 600 },
  weight: { key: 'weight', code: '29463-7', display: 'Body weight', units: [u('kg', 1, 1)], altUnitShare: 0, min: 35, max: 140 },
  c3: { key: 'c3', code: '4485-9', display: 'Complement C3 [Mass/volume] in Serum or Plasma', units: [u('g/L', 1, 2), u('mg/dL', 100, 0)], altUnitShare: 0.3, range: { low: 0.9, high: 1.8 }, min: 0.1, max: 2.5 },
  c4: { key: 'c4', code: '4498-2', display: 'Complement C4 [Mass/volume] in Serum or Plasma', units: [u('g/L', 1, 2), u('mg/dL', 100, 0)], altUnitShare: 0.3, range: { low: 0.1, high: 0.4 }, min: 0.01, max: 0.8 },
  antiDsDna: { key: 'antiDsDna', code: '5130-0', display: 'DNA double strand Ab [Units/volume] in Serum', units: [u('[IU]/mL', 1, 0)], altUnitShare: 0, range: { high: 100 }, min: 1, max: 800 },
} as const satisfies Record<string, LabTest>;
export type LabKey = keyof typeof labTests;

/** A result of `test` near `mean` (base unit) with spread `sd`, reported in the lab's unit. */
export function labResult(f: ResourceFactory, rng: Rng, test: LabTest, effective: string, mean: number, sd: number): Resource {
  const base = clamp(rng.normal(mean, sd), test.min, test.max);
  const unit = test.units.length > 1 && rng.chance(test.altUnitShare) ? test.units[1]! : test.units[0];
  const value: ObservationValue = { quantity: round(base * unit.factor, unit.digits), unit: unit.unit };
  const range = test.range && {
    ...(test.range.low !== undefined && { low: round(test.range.low * unit.factor, unit.digits + 1) }),
    ...(test.range.high !== undefined && { high: round(test.range.high * unit.factor, unit.digits + 1) }),
  };
  return f.observation(test.code, test.display, effective, value, range);
}

/** SpO2 by pulse oximetry; on supplemental oxygen it carries the inhaled-oxygen component. */
export function spo2Result(f: ResourceFactory, rng: Rng, effective: string, onOxygen: boolean): Resource {
  const value = round(clamp(rng.normal(onOxygen ? 93 : 97.5, onOxygen ? 2.5 : 1.2), 80, 100), 0);
  const fio2 = onOxygen ? rng.pick([28, 32, 35]) : 21;
  // Room air is written both ways in practice: no component at all, or FiO2 21 %.
  const component =
    onOxygen || rng.chance(0.4)
      ? [{ code: { coding: [{ system: 'http://loinc.org', code: '3150-0', display: 'Inhaled oxygen concentration' }] }, valueQuantity: { value: fio2, unit: '%', system: 'http://unitsofmeasure.org', code: '%' } }]
      : undefined;
  return f.observation('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry', effective, { quantity: value, unit: '%' }, { low: 95, high: 100 }, component);
}

/** ANA titre by immunofluorescence in one of the three ways labs send it. */
export function anaResult(f: ResourceFactory, rng: Rng, effective: string, dilution: number): Resource {
  const r = rng.u();
  const value: ObservationValue = r < 0.4 ? { quantity: dilution, unit: '{titer}' } : r < 0.7 ? { ratio: dilution } : { string: `1:${dilution}` };
  return f.observation('5048-4', 'Nuclear Ab [Titer] in Serum by Immunofluorescence', effective, value);
}

export const urineHcg = (f: ResourceFactory, effective: string, positive: boolean): Resource =>
  f.observation('2106-3', 'Choriogonadotropin [Presence] in Urine', effective, { coded: positive ? 'positive' : 'negative' });
