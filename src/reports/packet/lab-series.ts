// Laboratory trends: the panel a CAR-T safety review reads (cytopenias, liver, kidney,
// inflammation: ASTCT/EHA ICAHT grading and CTCAE v5 look at these), each converted to one unit
// so that values from different laboratories (10^3/µL and 10^9/L, mg/dL and µmol/L) share an
// axis. A value whose unit does not convert is left out and counted, never guessed.
import { type Analyte, convert } from '../../domain/units/index.ts';
import type { LabSeries } from './model.ts';

export const labPanel: readonly { readonly code: string; readonly unit: string; readonly analyte?: Analyte }[] = [
  { code: 'anc', unit: '10*9/L' },
  { code: 'alc', unit: '10*9/L' },
  { code: 'platelets', unit: '10*9/L' },
  { code: 'hemoglobin', unit: 'g/L', analyte: 'hemoglobin' },
  { code: 'alt', unit: 'U/L' },
  { code: 'ast', unit: 'U/L' },
  { code: 'bilirubin', unit: 'umol/L', analyte: 'bilirubin' },
  { code: 'creatinine', unit: 'umol/L', analyte: 'creatinine' },
  { code: 'crp', unit: 'mg/L' },
];

export interface LabValue {
  readonly subject: string;
  readonly code: string;
  readonly day: number;
  readonly value: number;
  readonly unit: string;
}

/** One series per panel test that has values, points in subject then day order. */
export function labSeries(values: readonly LabValue[]): LabSeries[] {
  const series: LabSeries[] = [];
  for (const test of labPanel) {
    const mine = values.filter((v) => v.code === test.code);
    if (mine.length === 0) continue;
    const points: { subject: string; day: number; value: number }[] = [];
    let unconverted = 0;
    for (const v of mine) {
      const converted = convert({ value: v.value, unit: v.unit }, test.unit, test.analyte ? { analyte: test.analyte } : {});
      if (converted.ok) points.push({ subject: v.subject, day: v.day, value: converted.value.value });
      else unconverted += 1;
    }
    points.sort((a, b) => a.subject.localeCompare(b.subject) || a.day - b.day);
    series.push({ code: test.code, unit: test.unit, points, unconverted });
  }
  return series;
}

export interface LabSummaryRow {
  readonly code: string;
  readonly unit: string;
  readonly subject: string;
  /** The last value on or before the day of the first dose. */
  readonly baseline: number | null;
  readonly lowest: number | null;
  readonly highest: number | null;
  readonly latest: number | null;
}

/** Per test and subject: baseline, the extremes after the dose (day 1 on) and the latest value. */
export function labSummary(series: readonly LabSeries[]): LabSummaryRow[] {
  return series.flatMap((s) =>
    [...new Set(s.points.map((p) => p.subject))].map((subject) => {
      const mine = s.points.filter((p) => p.subject === subject);
      const before = mine.filter((p) => p.day <= 0);
      const after = mine.filter((p) => p.day > 0).map((p) => p.value);
      return {
        code: s.code,
        unit: s.unit,
        subject,
        baseline: before.at(-1)?.value ?? null,
        lowest: after.length ? Math.min(...after) : null,
        highest: after.length ? Math.max(...after) : null,
        latest: mine.at(-1)?.value ?? null,
      };
    }),
  );
}
