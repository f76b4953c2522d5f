// Medication statements as eligibility reads them. A statement is current on the screening date when
// it started on or before it and has not ended before it (patient-record.ts: "absent while still
// taken"). A dose change is a new statement starting that day; statements of one agent that follow
// each other without a gap form its continuous use.
import { agentKey, type EvalContext, notAfterAsOf } from './context.ts';
import type { Evidence } from './criterion-result.ts';
import { datePart, dayNumber } from './dates.ts';
import type { MedicationFact } from './patient-record.ts';

export const startedBy = (ctx: EvalContext, m: MedicationFact): boolean => notAfterAsOf(ctx, m.start);

export const isCurrent = (ctx: EvalContext, m: MedicationFact): boolean =>
  startedBy(ctx, m) && (m.end === undefined || dayNumber(m.end) >= ctx.asOfDay);

export function medicationEvidence(m: MedicationFact, compared?: string): Evidence {
  // Fields set one by one in this order (item, value, unit, date, source, compared): a spread
  // followed by more fields takes V8's slow path in Node 20 (combine.ts).
  const out: { -readonly [K in keyof Evidence]: Evidence[K] } = { item: m.agent, value: m.dose?.value ?? null };
  if (m.dose) out.unit = m.perDay !== undefined && m.perDay !== 1 ? `${m.dose.unit} x ${m.perDay}/d` : m.dose.unit;
  out.date = datePart(m.start);
  out.source = m.source;
  if (compared !== undefined) out.compared = compared;
  return out;
}

export interface ContinuousUse {
  readonly agent: string;
  /** The first statement of the uninterrupted use that is still going on. */
  readonly start: string;
  /** Statements of that use, by start date. */
  readonly statements: readonly MedicationFact[];
}

/**
 * The current continuous use of one agent: from its current statements, walk back through earlier
 * statements that end no earlier than the day before the use began (contiguous or overlapping).
 */
export function continuousUse(ctx: EvalContext, agent: string, statements: readonly MedicationFact[]): ContinuousUse | undefined {
  const own = statements.filter((m) => agentKey(m.agent) === agent && startedBy(ctx, m));
  const current = own.filter((m) => m.end === undefined || dayNumber(m.end) >= ctx.asOfDay);
  if (current.length === 0) return undefined;
  let startDay = Math.min(...current.map((m) => dayNumber(m.start)));
  let extended = true;
  while (extended) {
    extended = false;
    for (const m of own) {
      const s = dayNumber(m.start);
      if (s < startDay && (m.end === undefined || dayNumber(m.end) >= startDay - 1)) {
        startDay = s;
        extended = true;
      }
    }
  }
  const chain = own.filter((m) => dayNumber(m.start) >= startDay).sort((a, b) => dayNumber(a.start) - dayNumber(b.start));
  return { agent, start: datePart(chain[0]!.start), statements: chain };
}

const sameDailyDose = (a: MedicationFact, b: MedicationFact): boolean =>
  a.dose !== undefined && b.dose !== undefined && a.dose.value === b.dose.value && a.dose.unit === b.dose.unit && (a.perDay ?? 1) === (b.perDay ?? 1);

/**
 * Dose changes within a continuous use: each statement starting after the use began, unless it
 * repeats the previous statement's dose and frequency exactly (a renewed prescription).
 */
export function doseChanges(use: ContinuousUse): MedicationFact[] {
  const firstDay = dayNumber(use.start);
  return use.statements.filter((m, i) => {
    if (dayNumber(m.start) <= firstDay) return false;
    const before = use.statements.slice(0, i).filter((p) => dayNumber(p.start) < dayNumber(m.start));
    const previous = before.at(-1);
    return !(previous && sameDailyDose(previous, m));
  });
}
