// Trial data as a CRM fit takes it: either one entry per patient, as dfcrm's crm(tox, level) does,
// or counts per dose (n treated, y DLTs), as the simulation and the CLI keep them. Both become the
// same normalised form; per-patient data keep their order, because dfcrm multiplies the likelihood
// patient by patient and the order decides the last bits of the result.
import { z } from 'zod';

/** 1-based dose level per patient and 0/1 DLT outcome, in the order the patients were treated. */
export const CrmPatientData = z.strictObject({
  level: z.array(z.int().min(1)),
  tox: z.array(z.union([z.literal(0), z.literal(1)])),
});

/** Patients treated (n) and DLTs (y) per dose, one entry per skeleton dose. */
export const CrmCountData = z.strictObject({
  n: z.array(z.int().min(0)),
  y: z.array(z.int().min(0)),
});

export const CrmData = z.union([CrmPatientData, CrmCountData]);
export type CrmData = z.output<typeof CrmData>;

/** Normalised data: per patient (0-based dose, outcome) and per dose (n, y). */
export interface CrmPatients {
  readonly dose: Int32Array;
  readonly tox: Uint8Array;
  readonly n: Int32Array;
  readonly y: Int32Array;
}

/** Issues of the data against a skeleton of `doses` levels, as [path, code, params]. */
export function crmDataProblems(data: CrmData, doses: number): Array<[Array<string | number>, string, Record<string, number | boolean>]> {
  const problems: Array<[Array<string | number>, string, Record<string, number | boolean>]> = [];
  if ('level' in data) {
    if (data.tox.length !== data.level.length) problems.push([['tox'], 'length_mismatch', { expected: data.level.length }]);
    data.level.forEach((l, i) => {
      if (l > doses) problems.push([['level', i], 'too_big', { maximum: doses, inclusive: true }]);
    });
  } else {
    if (data.n.length !== doses) problems.push([['n'], 'length_mismatch', { expected: doses }]);
    if (data.y.length !== doses) problems.push([['y'], 'length_mismatch', { expected: doses }]);
    data.y.forEach((y, j) => {
      if (y > (data.n[j] ?? 0)) problems.push([['y', j], 'too_big', { maximum: data.n[j] ?? 0, inclusive: true }]);
    });
  }
  return problems;
}

/** The normalised form of valid data (counts become patients dose by dose, DLTs first). */
export function crmPatients(data: CrmData, doses: number): CrmPatients {
  const n = new Int32Array(doses);
  const y = new Int32Array(doses);
  if ('level' in data) {
    const dose = Int32Array.from(data.level, (l) => l - 1);
    const tox = Uint8Array.from(data.tox);
    dose.forEach((d, i) => {
      n[d]!++;
      y[d]! += tox[i]!;
    });
    return { dose, tox, n, y };
  }
  n.set(data.n);
  y.set(data.y);
  const total = data.n.reduce((s, v) => s + v, 0);
  const dose = new Int32Array(total);
  const tox = new Uint8Array(total);
  let i = 0;
  for (let j = 0; j < doses; j++) {
    for (let k = 0; k < n[j]!; k++, i++) {
      dose[i] = j;
      tox[i] = k < y[j]! ? 1 : 0;
    }
  }
  return { dose, tox, n, y };
}
