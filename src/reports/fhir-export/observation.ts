// Final observations as FHIR R4 Observations (https://hl7.org/fhir/R4/observation.html): labs
// and vital signs coded with the LOINC codes of the import code tables (src/fhir/code-tables, the
// same table that reads them in), values in UCUM; the SLEDAI-2K total as a survey Observation
// with its descriptors as components; the PGA as a survey score. Other kinds (CRS/ICANS findings,
// BILAG, glucocorticoid dose, LLDAS/DORIS flags) have no agreed FHIR form yet and are left out.
import { computeSledai2k } from '../../domain/scores/sledai2k.ts';
import type { ObservationRow } from '../../store/schema-conduct.ts';
import { type CodeableConcept, type Coding, Extension, fhirId, iso, type Resource, ref, System } from './fhir-base.ts';
import { quantity } from './quantity.ts';

export interface TableCode {
  readonly system: string;
  readonly code: string;
  readonly display?: string | undefined;
  readonly units?: readonly string[] | undefined;
  readonly role?: string | undefined;
}

/** The import code tables' observation entries by FirstDose code (anc, weight, …). */
export type ObservationCodeTable = Readonly<Record<string, { readonly label?: string | undefined; readonly codes?: readonly TableCode[] | undefined } | undefined>>;

/** Kinds exported, with their category; lvef is stored as a vital sign but is an imaging result. */
const categoryOf = (row: ObservationRow): string | null => {
  if (row.code === 'lvef') return 'imaging';
  if (row.kind === 'vital') return 'vital-signs';
  if (row.kind === 'lab' || row.kind === 'b-cells' || row.kind === 'car-fraction') return 'laboratory';
  if (row.kind === 'sledai2k' || row.kind === 'pga') return 'survey';
  return null;
};

const usable = (c: TableCode) => c.role !== 'deprecated' && c.role !== 'lowPreference';

/**
 * The coding for a result: the code it was imported under when the table knows it (an imported
 * value keeps its source code in value_json), else the table's first usable code for its unit
 * (creatinine in µmol/L is not the mass-concentration LOINC), else the primary code.
 */
export function loincFor(row: Pick<ObservationRow, 'code' | 'unit' | 'valueJson'>, table: ObservationCodeTable): Coding | null {
  const codes = table[row.code]?.codes ?? [];
  if (codes.length === 0) return null;
  const source = (row.valueJson as { code?: unknown } | null)?.code;
  const pick =
    codes.find((c) => typeof source === 'string' && c.code === source) ??
    codes.find((c) => usable(c) && row.unit !== null && (c.units ?? []).includes(row.unit)) ??
    codes.find((c) => c.role === 'primary') ??
    codes[0]!;
  return { system: pick.system, code: pick.code, ...(pick.display ? { display: pick.display } : {}) };
}

function codeOf(row: ObservationRow, table: ObservationCodeTable): CodeableConcept {
  const label = table[row.code]?.label ?? row.code;
  if (row.kind === 'sledai2k') return { coding: [{ system: System.assessment, code: 'sledai-2k-total', display: 'SLEDAI-2K total score' }], text: 'SLEDAI-2K total score' };
  if (row.kind === 'pga') return { coding: [{ system: System.assessment, code: 'pga', display: 'Physician global assessment (0-3)' }], text: 'Physician global assessment' };
  const loinc = loincFor(row, table);
  return { coding: [loinc ?? { system: System.localObservation, code: row.code }], text: label };
}

function interpretation(row: ObservationRow) {
  if (row.valueNum === null || (row.refLow === null && row.refHigh === null)) return {};
  const code = row.refLow !== null && row.valueNum < row.refLow ? 'L' : row.refHigh !== null && row.valueNum > row.refHigh ? 'H' : 'N';
  const display = { L: 'Low', H: 'High', N: 'Normal' }[code];
  return { interpretation: [{ coding: [{ system: System.interpretation, code, display }] }] };
}

function referenceRange(row: ObservationRow) {
  if (row.refLow === null && row.refHigh === null) return {};
  return {
    referenceRange: [
      {
        ...(row.refLow !== null ? { low: quantity(row.refLow, row.unit) } : {}),
        ...(row.refHigh !== null ? { high: quantity(row.refHigh, row.unit) } : {}),
      },
    ],
  };
}

function sledaiValue(row: ObservationRow) {
  const items = (row.valueJson as { items?: unknown } | null)?.items;
  const result = computeSledai2k(Array.isArray(items) ? items.filter((i): i is string => typeof i === 'string') : []);
  return {
    valueInteger: result.total,
    component: [
      { code: { coding: [{ system: System.assessment, code: 'sledai-2k-clinical', display: 'Clinical SLEDAI-2K (without serology)' }] }, valueInteger: result.clinical },
      ...result.items.map((i) => ({ code: { coding: [{ system: System.sledai2k, code: i.code }] }, valueInteger: i.weight })),
    ],
  };
}

function observedValue(row: ObservationRow) {
  if (row.kind === 'sledai2k') return sledaiValue(row);
  if (row.kind === 'pga' && row.valueNum !== null) return { valueQuantity: quantity(row.valueNum, '{score}') };
  if (row.valueNum !== null) return { valueQuantity: quantity(row.valueNum, row.unit) };
  if (row.valueText !== null) return { valueString: row.valueText };
  return { dataAbsentReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown' }] } };
}

/** The Observation of a final row, or null for a kind this export does not carry. */
export function observation(row: ObservationRow, patientId: string, studyId: string, table: ObservationCodeTable): Resource | null {
  const category = row.status === 'final' ? categoryOf(row) : null;
  if (category === null) return null;
  return {
    resourceType: 'Observation',
    id: fhirId(row.id),
    extension: [{ url: Extension.researchStudy, valueReference: ref('ResearchStudy', studyId) }],
    status: 'final',
    category: [{ coding: [{ system: System.observationCategory, code: category }] }],
    code: codeOf(row, table),
    subject: ref('Patient', patientId),
    effectiveDateTime: iso(row.observedAt),
    issued: iso(row.createdAt),
    ...observedValue(row),
    ...interpretation(row),
    ...referenceRange(row),
  };
}
