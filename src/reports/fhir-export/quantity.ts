// FHIR Quantities with UCUM codes. FirstDose stores units as entered or imported; a Quantity gets
// system + code only when the unit is known to be UCUM (the unit table's codes and a few valid
// codes outside it), so a receiver converting by code never meets a spelling that is not one.
import { findUnit } from '../../domain/units/index.ts';
import { System } from './fhir-base.ts';

/** Valid UCUM codes that src/domain/units does not list (it knows the units it converts). */
const moreUcum: Readonly<Record<string, string>> = {
  '[IU]/mL': '[IU]/mL',
  'mm[Hg]': 'mm[Hg]',
  mmHg: 'mm[Hg]',
  '/min': '/min',
  '{beats}/min': '/min',
  'beats/min': '/min',
  bpm: '/min',
  '{breaths}/min': '/min',
  'mg/d': 'mg/d',
  '{score}': '{score}',
};

export function ucumCode(unit: string): string | undefined {
  return findUnit(unit)?.code ?? moreUcum[unit.trim()];
}

export interface FhirQuantity {
  readonly value: number;
  readonly unit?: string;
  readonly system?: string;
  readonly code?: string;
}

export function quantity(value: number, unit: string | null | undefined): FhirQuantity {
  if (!unit) return { value };
  const code = ucumCode(unit);
  return code ? { value, unit, system: System.ucum, code } : { value, unit };
}
