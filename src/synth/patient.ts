// One synthetic patient, from (seed, index) alone: the export and the example bundles draw the
// same patient the same way, and any patient of an export can be rebuilt on its own.
import { parseDay } from './dates.ts';
import { ResourceFactory, type Resource } from './fhir.ts';
import { otherPatient } from './other-patient.ts';
import { patientRng } from './rng.ts';
import { slePatient } from './sle-patient.ts';

export const PatientKind = { sle: 'sle', other: 'other' } as const;
export type PatientKind = (typeof PatientKind)[keyof typeof PatientKind];

/** Changes whenever the generator's output does: caches of generated exports are keyed by it. */
export const generatorVersion = 1;

/** Share of lupus patients in an export: a rheumatology-heavy hospital population. */
export const sleShare = 0.35;

/** Ids are numbered per patient in blocks of this size, so they stay unique without a counter. */
const idsPerPatient = 100;

export interface SyntheticPatient {
  readonly id: string;
  readonly kind: PatientKind;
  readonly resources: readonly Resource[];
}

export const patientId = (index: number): string => `P${String(index).padStart(6, '0')}`;

export function syntheticPatient(seed: number, index: number, asOf: string, kind?: PatientKind): SyntheticPatient {
  const rng = patientRng(seed, index);
  // The kind is always drawn, so forcing it does not shift the rest of the stream.
  const drawn = rng.chance(sleShare) ? PatientKind.sle : PatientKind.other;
  const chosen = kind ?? drawn;
  const id = patientId(index);
  const factory = new ResourceFactory(id, index * idsPerPatient + 1);
  const today = parseDay(asOf);
  const resources = chosen === PatientKind.sle ? slePatient(factory, rng, today) : otherPatient(factory, rng, today);
  if (resources.length >= idsPerPatient) throw new Error(`synthetic patient ${id} has ${resources.length} resources, more than its id block`);
  return { id, kind: chosen, resources };
}
