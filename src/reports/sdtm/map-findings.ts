// LB and VS from the final observations (imported values count once a person accepted them).
// Original result and range as recorded; the standard result converted to one unit per test
// (SI, FirstDose's unit table); the reference range indicator from the recorded range.
import { convert } from '../../domain/units/index.ts';
import type { ObservationRow } from '../../store/schema-conduct.ts';
import { dayOf, epochOf, numberPerSubject, plannedVisits, type SubjectContext, visitOf } from './context.ts';
import { compareDtc, observationDtc } from './dates.ts';
import type { ExportNote, Row } from './model.ts';
import { currentProtocol, type TrialSource } from './source.ts';
import { cdiscUnit, labTests, notVitalSigns, type TestDef, vitalTests } from './tests.ts';

const numberText = (n: number | null) => (n === null ? null : String(n));

function standard(value: number | null, unit: string | null, def: TestDef): { value: number | null; unit: string | null; converted: boolean } {
  if (value === null || !unit || !def.standardUnit || unit === def.standardUnit) return { value, unit, converted: true };
  const r = convert({ value, unit }, def.standardUnit, def.analyte ? { analyte: def.analyte } : {});
  return r.ok ? { value: r.value.value, unit: def.standardUnit, converted: true } : { value, unit, converted: false };
}

function rangeIndicator(o: ObservationRow): string | null {
  if (o.valueNum === null || (o.refLow === null && o.refHigh === null)) return null;
  if (o.refLow !== null && o.valueNum < o.refLow) return 'LOW';
  if (o.refHigh !== null && o.valueNum > o.refHigh) return 'HIGH';
  return 'NORMAL';
}

/** Marks the last record with a result before the first infusion, per subject and test (--LOBXFL = Y). */
export function flagLastBeforeExposure(rows: Record<string, string | number | null>[], prefix: string, contexts: Map<string, SubjectContext>): void {
  const rfx = new Map([...contexts.values()].map((c) => [c.usubjid, c.rfstdtc]));
  const last = new Map<string, Record<string, string | number | null>>();
  for (const row of rows) {
    const ref = rfx.get(String(row.USUBJID));
    const dtc = row[`${prefix}DTC`];
    if (!ref || typeof dtc !== 'string' || row[`${prefix}ORRES`] === null || compareDtc(dtc, ref) >= 0) continue;
    const key = `${row.USUBJID}|${row[`${prefix}TESTCD`]}`;
    const seen = last.get(key);
    if (!seen || String(seen[`${prefix}DTC`]) <= dtc) last.set(key, row);
  }
  for (const row of rows) row[`${prefix}LOBXFL`] = null;
  for (const row of last.values()) row[`${prefix}LOBXFL`] = 'Y';
}

function findings(prefix: 'LB' | 'VS', source: TrialSource, contexts: Map<string, SubjectContext>, notes: ExportNote[]): Row[] {
  const planned = plannedVisits(currentProtocol(source));
  const tests = prefix === 'LB' ? labTests : vitalTests;
  const kind = prefix === 'LB' ? 'lab' : 'vital';
  const rows: Record<string, string | number | null>[] = [];
  for (const o of source.observations) {
    const ctx = contexts.get(o.subjectId);
    if (!ctx || o.kind !== kind || notVitalSigns.has(o.code)) continue;
    const def = tests[o.code] ?? { testcd: o.code.toUpperCase().replace(/[^A-Z0-9_]/g, '').slice(0, 8), test: o.code };
    if (!tests[o.code]) notes.push({ code: 'unknown_test', params: { domain: prefix, code: o.code } });
    const dtc = observationDtc(o.observedAt);
    const std = standard(o.valueNum, o.unit, def);
    if (!std.converted) notes.push({ code: 'unit_not_converted', params: { domain: prefix, test: def.testcd, unit: o.unit ?? '' } });
    const lo = standard(o.refLow, o.unit, def).value;
    const hi = standard(o.refHigh, o.unit, def).value;
    const v = visitOf(ctx, planned, o.visitId, dtc);
    const common = {
      STUDYID: ctx.studyid,
      DOMAIN: prefix,
      USUBJID: ctx.usubjid,
      [`${prefix}TESTCD`]: def.testcd,
      [`${prefix}TEST`]: def.test,
      [`${prefix}ORRES`]: o.valueText ?? numberText(o.valueNum),
      [`${prefix}ORRESU`]: cdiscUnit(o.unit),
      [`${prefix}STRESC`]: std.value !== null ? String(std.value) : (o.valueText?.toUpperCase() ?? null),
      [`${prefix}STRESN`]: o.valueText !== null && o.unit === 'titer' ? null : std.value,
      [`${prefix}STRESU`]: cdiscUnit(std.unit),
      VISITNUM: v?.visitnum ?? null,
      VISIT: v?.visit ?? null,
      EPOCH: epochOf(ctx, dtc),
      [`${prefix}DTC`]: dtc,
      [`${prefix}DY`]: dayOf(ctx, dtc),
    };
    rows.push(
      prefix === 'LB'
        ? {
            ...common,
            LBCAT: def.cat ?? null,
            LBORNRLO: numberText(o.refLow),
            LBORNRHI: numberText(o.refHigh),
            LBSTNRLO: lo,
            LBSTNRHI: hi,
            LBNRIND: rangeIndicator(o),
            LBLOINC: loinc(o.valueJson),
            LBSPEC: def.spec ?? null,
          }
        : common,
    );
  }
  rows.sort(
    (a, b) =>
      String(a.USUBJID).localeCompare(String(b.USUBJID)) || String(a[`${prefix}TESTCD`]).localeCompare(String(b[`${prefix}TESTCD`])) || String(a[`${prefix}DTC`]).localeCompare(String(b[`${prefix}DTC`])),
  );
  flagLastBeforeExposure(rows, prefix, contexts);
  return numberPerSubject(rows, prefix);
}

/** The LOINC code an imported value came with (FHIR Observation.code), when it is one. */
function loinc(valueJson: unknown): string | null {
  const code = (valueJson as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^\d{1,7}-\d$/.test(code) ? code : null;
}

export const mapLb = (source: TrialSource, contexts: Map<string, SubjectContext>, notes: ExportNote[]) => findings('LB', source, contexts, notes);
export const mapVs = (source: TrialSource, contexts: Map<string, SubjectContext>, notes: ExportNote[]) => findings('VS', source, contexts, notes);
