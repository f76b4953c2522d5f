// One synthetic patient as a FHIR collection Bundle, for examples, demos and the `screen` benchmark.
import type { Resource } from './fhir.ts';
import { type PatientKind, syntheticPatient } from './patient.ts';

/** The reference date synthetic examples are laid out against when none is given. */
export const defaultSynthAsOf = '2026-12-01';

export interface Bundle {
  readonly resourceType: 'Bundle';
  readonly type: 'collection';
  readonly entry: ReadonlyArray<{ readonly fullUrl: string; readonly resource: Resource }>;
}

export function toBundle(resources: readonly Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({ fullUrl: `${resource.resourceType}/${resource.id}`, resource })),
  };
}

/** Patient 0 of `seed`, of the given kind. */
export function syntheticBundle(seed: number, kind: PatientKind, asOf: string = defaultSynthAsOf): Bundle {
  return toBundle(syntheticPatient(seed, 0, asOf, kind).resources);
}
