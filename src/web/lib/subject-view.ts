// What the subject screen draws, derived from GET /api/subjects/:id: the first dose (day 0 of the
// study-day axis), the chart series and the chronological timeline. Pure, so it is tested in node.
import { computeSledai2k } from '../../domain/scores/sledai2k.ts';
import { daysBetween, siteDate } from './dates.ts';
import type { AdverseEventRow, DoseRow, ObservationRow, SubjectDetail, VisitEfficacy, VisitRow } from './types.ts';

export const screeningsOf = (s: SubjectDetail) => s.screenings ?? s.screeningResults ?? [];
export const givenDoses = (s: SubjectDetail): DoseRow[] => (s.doses ?? []).filter((d) => (d.status ?? 'given') === 'given');

/** Day 0: the site date of the first dose given; null before dosing. */
export function firstDoseDate(s: SubjectDetail): string | null {
  const dates = givenDoses(s).map((d) => siteDate(new Date(d.startedAt)));
  return dates.length ? dates.sort()[0]! : null;
}

/** The reference date of the day axis: the first dose, else the first screening, else today. */
export function anchorDate(s: SubjectDetail, today: string): string {
  return firstDoseDate(s) ?? screeningsOf(s).map((r) => r.asOf).sort()[0] ?? today;
}

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
  readonly label: string;
}

const usable = (o: ObservationRow) => o.status === 'final' && o.valueNum !== null;

/** Observations of a kind (and code, if given) as points on the study-day axis. */
export function seriesOf(s: SubjectDetail, anchor: string, kind: string, code?: string): ChartPoint[] {
  return (s.observations ?? [])
    .filter((o) => o.kind === kind && (code === undefined || o.code === code) && usable(o))
    .map((o) => {
      const date = siteDate(new Date(o.observedAt));
      return { x: daysBetween(anchor, date), y: o.valueNum!, label: date };
    })
    .sort((a, b) => a.x - b.x);
}

/**
 * SLEDAI-2K totals and clinical scores over time. An assessment is stored as its descriptors
 * (`{items}`) or as scores (`{total, clinical}`); descriptors are scored by the domain's own
 * SLEDAI-2K, the one the server's efficacy uses, since the record carries no total for them.
 */
export function sledaiSeries(s: SubjectDetail, anchor: string): { total: ChartPoint[]; clinical: ChartPoint[] } {
  const total: ChartPoint[] = [];
  const clinical: ChartPoint[] = [];
  for (const o of s.observations ?? []) {
    if (o.kind !== 'sledai2k' || o.status !== 'final') continue;
    const v = (o.valueJson ?? null) as { items?: string[]; total?: number; clinical?: number } | null;
    const scored = v?.items ? computeSledai2k(v.items) : v && typeof v.total === 'number' ? { total: v.total, clinical: v.clinical ?? null } : o.valueNum !== null ? { total: o.valueNum, clinical: null } : null;
    if (!scored) continue;
    const date = siteDate(new Date(o.observedAt));
    const x = daysBetween(anchor, date);
    total.push({ x, y: scored.total, label: date });
    if (typeof scored.clinical === 'number') clinical.push({ x, y: scored.clinical, label: date });
  }
  const byDay = (a: ChartPoint, b: ChartPoint) => a.x - b.x;
  return { total: total.sort(byDay), clinical: clinical.sort(byDay) };
}

export type TimelineItem =
  | { readonly kind: 'dose'; readonly date: string; readonly day: number; readonly dose: DoseRow }
  | { readonly kind: 'visit'; readonly date: string; readonly day: number; readonly visit: VisitRow }
  | { readonly kind: 'adverse-event'; readonly date: string; readonly day: number; readonly endDay: number; readonly event: AdverseEventRow }
  | { readonly kind: 'response'; readonly date: string; readonly day: number; readonly code: string; readonly value: number }
  | { readonly kind: 'efficacy'; readonly date: string; readonly day: number; readonly efficacy: VisitEfficacy };

/** Doses, visits, adverse events and efficacy responses in date order on one day axis. */
export function timeline(s: SubjectDetail, anchor: string, today: string): TimelineItem[] {
  const day = (d: string) => daysBetween(anchor, d);
  const items: TimelineItem[] = [];
  for (const dose of givenDoses(s)) {
    const date = siteDate(new Date(dose.startedAt));
    items.push({ kind: 'dose', date, day: day(date), dose });
  }
  for (const visit of s.visits ?? []) {
    const date = visit.actualDate ?? visit.plannedDate;
    items.push({ kind: 'visit', date, day: day(date), visit });
  }
  for (const event of s.adverseEvents ?? []) {
    if (event.status === 'entered-in-error') continue;
    items.push({ kind: 'adverse-event', date: event.onsetDate, day: day(event.onsetDate), endDay: day(event.resolvedDate ?? today), event });
  }
  for (const p of sledaiSeries(s, anchor).total) items.push({ kind: 'response', date: p.label, day: p.x, code: 'sledai2k', value: p.y });
  for (const o of s.observations ?? []) {
    if (o.kind === 'pga' && usable(o)) {
      const date = siteDate(new Date(o.observedAt));
      items.push({ kind: 'response', date, day: day(date), code: o.kind, value: o.valueNum! });
    }
  }
  const visits = new Map((s.visits ?? []).map((v) => [v.id, v]));
  for (const efficacy of s.efficacy ?? []) {
    const v = visits.get(efficacy.visitId);
    if (!v || efficacy.refused) continue;
    const date = v.actualDate ?? v.plannedDate;
    items.push({ kind: 'efficacy', date, day: day(date), efficacy });
  }
  const order = { dose: 0, 'adverse-event': 1, response: 2, efficacy: 3, visit: 4 } as const;
  return items.sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind]);
}
