// Three-valued logic for eligibility (Kleene's strong logic, as CQL): unknown is a value, and an
// `and` is not-met as soon as one part is not-met, whatever the unknowns.
export const Tri = { met: 'met', notMet: 'not-met', unknown: 'unknown' } as const;
export type Tri = (typeof Tri)[keyof typeof Tri];

export function triAnd(values: readonly Tri[]): Tri {
  if (values.includes(Tri.notMet)) return Tri.notMet;
  return values.includes(Tri.unknown) ? Tri.unknown : Tri.met;
}

export function triOr(values: readonly Tri[]): Tri {
  if (values.includes(Tri.met)) return Tri.met;
  return values.includes(Tri.unknown) ? Tri.unknown : Tri.notMet;
}

export function triNot(value: Tri): Tri {
  if (value === Tri.unknown) return value;
  return value === Tri.met ? Tri.notMet : Tri.met;
}

export const triOf = (condition: boolean): Tri => (condition ? Tri.met : Tri.notMet);
