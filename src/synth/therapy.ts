// Lupus therapy histories as MedicationStatements: a glucocorticoid tapered in steps (each dose
// change a new statement starting that day, as FHIR feeds record it), hydroxychloroquine for years,
// and one to three immunosuppressants, of which the older ones have ended. Some regimens are too
// recent or a dose changed too lately, so the stable-therapy criteria have something to reject.
import { formatDay } from './dates.ts';
import type { Resource, ResourceFactory } from './fhir.ts';
import type { Rng } from './rng.ts';

interface Drug {
  readonly atc: string;
  readonly name: string;
  readonly dose: number;
  readonly unit: string;
  readonly frequency: number;
  readonly period: number;
  readonly periodUnit: 'd' | 'wk';
  /** Courses that end by design (induction cyclophosphamide, rituximab). */
  readonly course?: number;
}

const daily = (atc: string, name: string, dose: number, frequency = 1, unit = 'mg'): Drug => ({ atc, name, dose, unit, frequency, period: 1, periodUnit: 'd' });

export const immunosuppressants: readonly Drug[] = [
  daily('L04AA06', 'mycophenolate mofetil', 1000, 2),
  daily('L04AA06', 'mycophenolate mofetil', 750, 2),
  daily('L04AX01', 'azathioprine', 50, 2),
  { atc: 'L04AX03', name: 'methotrexate', dose: 15, unit: 'mg', frequency: 1, period: 1, periodUnit: 'wk' },
  daily('L04AD02', 'tacrolimus', 1, 2),
  { atc: 'L01AA01', name: 'cyclophosphamide', dose: 500, unit: 'mg', frequency: 1, period: 2, periodUnit: 'wk', course: 84 },
  { atc: 'L04AG04', name: 'belimumab', dose: 600, unit: 'mg', frequency: 1, period: 4, periodUnit: 'wk' },
  { atc: 'L01FA01', name: 'rituximab', dose: 1000, unit: 'mg', frequency: 1, period: 2, periodUnit: 'wk', course: 15 },
];

const steroids: readonly Drug[] = [daily('H02AB07', 'prednisone', 0), daily('H02AB04', 'methylprednisolone', 0), daily('H02AB06', 'prednisolone', 0)];

function statement(f: ResourceFactory, drug: Drug, dose: number, start: number, end?: number): Resource {
  const timing = { frequency: drug.frequency, period: drug.period, periodUnit: drug.periodUnit };
  return f.medication(drug.atc, drug.name, { value: dose, unit: drug.unit }, timing, formatDay(start), end === undefined ? undefined : formatDay(end));
}

/** Steroid doses down a taper, in mg of the drug: the usual tablet steps. */
const prednisoneSteps = [60, 40, 30, 25, 20, 15, 12.5, 10, 7.5, 5, 2.5];

function steroidHistory(f: ResourceFactory, rng: Rng, today: number, sleStart: number): Resource[] {
  const drug = rng.chance(0.8) ? steroids[0]! : rng.chance(0.75) ? steroids[1]! : steroids[2]!;
  const steps = rng.int(1, 4);
  // The last dose change: mostly months ago, sometimes in the last two weeks (unstable dose).
  const lastChange = Math.max(sleStart, today - (rng.chance(0.12) ? rng.int(1, 13) : rng.int(15, 400)));
  const firstStart = Math.max(sleStart, lastChange - (steps - 1) * rng.int(30, 120));
  const starts: number[] = [];
  for (let s = 0; s < steps; s++) {
    const day = steps === 1 ? lastChange : Math.round(firstStart + ((lastChange - firstStart) * s) / (steps - 1));
    if (starts.length === 0 || day > starts[starts.length - 1]!) starts.push(day);
  }
  // A taper: each step one or two tablet sizes down from a starting dose of 40 to 12.5 mg.
  let stepIndex = rng.int(1, 6);
  const out: Resource[] = [];
  for (const [s, start] of starts.entries()) {
    const next = starts[s + 1];
    const mg = prednisoneSteps[Math.min(stepIndex, prednisoneSteps.length - 1)]!;
    // Methylprednisolone tablets are 4 mg: about 4/5 of the prednisone dose, in whole 2 mg steps.
    const dose = drug.name === 'methylprednisolone' ? Math.max(2, Math.round((mg * 0.8) / 2) * 2) : mg;
    const stopped = next === undefined && rng.chance(0.06);
    out.push(statement(f, drug, dose, start, next !== undefined ? next - 1 : stopped ? Math.min(today - 1, start + rng.int(20, 200)) : undefined));
    stepIndex += rng.int(1, 2);
  }
  return out;
}

export function sleTherapy(f: ResourceFactory, rng: Rng, today: number, sleStart: number): Resource[] {
  const out = rng.chance(0.92) ? steroidHistory(f, rng, today, sleStart) : [];
  if (rng.chance(0.88)) {
    const start = sleStart + rng.int(0, 120);
    const stopped = rng.chance(0.1);
    out.push(statement(f, daily('P01BA02', 'hydroxychloroquine', 200, 2), 200, start, stopped ? today - rng.int(30, 400) : undefined));
  }
  const agents = rng.sample(immunosuppressants, rng.int(1, 3));
  let start = sleStart + rng.int(30, 365);
  for (const [i, drug] of agents.entries()) {
    const current = i === agents.length - 1 && drug.course === undefined;
    // The current agent: mostly long-standing, sometimes started inside the 8-week window.
    const begin = current ? Math.min(today - (rng.chance(0.1) ? rng.int(7, 55) : rng.int(57, 900)), Math.max(start, today - 2000)) : Math.min(start, today - 200);
    const end = current ? undefined : Math.min(today - 60, begin + (drug.course ?? rng.int(90, 700)));
    out.push(statement(f, drug, drug.dose, begin, end));
    start = (end ?? begin) + rng.int(1, 60);
  }
  return out;
}

export function growthFactor(f: ResourceFactory, rng: Rng, today: number): Resource {
  const start = today - rng.int(2, 40);
  return statement(f, daily('L03AA02', 'filgrastim', 300, 1, 'ug'), 300, start, start + rng.int(2, 5));
}

const otherDrugs: readonly Drug[] = [
  daily('A10BA02', 'metformin', 500, 2),
  daily('C08CA01', 'amlodipine', 5),
  daily('C10AA05', 'atorvastatin', 20),
  daily('A02BC01', 'omeprazole', 20),
  daily('C09AA02', 'enalapril', 10),
  daily('N02BE01', 'paracetamol', 500, 3),
];

/** A non-lupus patient's medications; now and then a short prednisone course that has ended. */
export function otherTherapy(f: ResourceFactory, rng: Rng, today: number): Resource[] {
  const out = rng.sample(otherDrugs, rng.int(0, 3)).map((d) => statement(f, d, d.dose, today - rng.int(60, 2000)));
  if (rng.chance(0.08)) {
    const start = today - rng.int(60, 700);
    out.push(statement(f, steroids[0]!, rng.pick([20, 30, 40]), start, start + rng.int(5, 14)));
  }
  return out;
}
