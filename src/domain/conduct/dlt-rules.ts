// Which adverse events the software suggests as dose-limiting toxicities. The investigator's
// adjudication is what counts; this only points at the events to adjudicate. Domain.md §1.4 [R]
// (a composite of CAR-T protocols in autoimmunity, not HN2301's own, which is not public): each
// rule applies to events with onset inside the DLT window that are at least possibly related. The
// rules are a list with ids so that a protocol can switch them; all are on by default. Durations
// the rules name (CRS grade 3 not improving within 72 h; other grade ≥ 3 events lasting > 7 days)
// and the exclusions of rule 5 (fever, transient lab abnormalities, SLE activity) need the
// clinical course, so such events are suggested and the investigator confirms.
import { type ExplanationStep, step } from '../explanation.ts';
import { addDays, compareDates } from './dates.ts';

export const GradingSystem = { ctcae: 'ctcae', crs: 'astct-crs', icans: 'astct-icans' } as const;
export type GradingSystem = (typeof GradingSystem)[keyof typeof GradingSystem];

export const Relatedness = {
  notRelated: 'not-related',
  unlikely: 'unlikely',
  possible: 'possible',
  probable: 'probable',
  definite: 'definite',
} as const;
export type Relatedness = (typeof Relatedness)[keyof typeof Relatedness];

/** "At least possibly related" (§1.4). */
const related: readonly Relatedness[] = [Relatedness.possible, Relatedness.probable, Relatedness.definite];

export const DltRule = {
  grade5: 'grade-5',
  crsGrade3: 'crs-grade-3-or-more',
  icansGrade3: 'icans-grade-3-or-more',
  otherGrade3: 'other-grade-3-or-more',
} as const;
export type DltRule = (typeof DltRule)[keyof typeof DltRule];

/** In order: the first rule that applies is the one reported. */
export const defaultDltRules: readonly DltRule[] = Object.values(DltRule);

export interface AdverseEventForDlt {
  readonly term: string;
  readonly onsetDate: string;
  /** The final grade (auto or the investigator's override), 0–5. */
  readonly grade: number;
  readonly system: GradingSystem;
  readonly relatedness: Relatedness;
  /** Seriousness (an SAE) is not severity and triggers no rule; carried for the record. */
  readonly serious: boolean;
}

export interface DltContext {
  readonly firstDoseDate: string;
  readonly windowDays: number;
  /** The rules the protocol uses; all of §1.4's by default. */
  readonly rules?: readonly DltRule[];
}

export interface DltSuggestion {
  readonly suggested: boolean;
  readonly rule: DltRule | null;
  readonly explanation: readonly ExplanationStep[];
}

const applies: Readonly<Record<DltRule, (e: AdverseEventForDlt) => boolean>> = {
  'grade-5': (e) => e.grade >= 5,
  // Grade 4, or grade 3 not improving to ≤ 2 within 72 h: grade 3 is suggested and the
  // investigator confirms the course.
  'crs-grade-3-or-more': (e) => e.system === GradingSystem.crs && e.grade >= 3,
  'icans-grade-3-or-more': (e) => e.system === GradingSystem.icans && e.grade >= 3,
  'other-grade-3-or-more': (e) => e.system === GradingSystem.ctcae && e.grade >= 3,
};

export function suggestDlt(event: AdverseEventForDlt, context: DltContext): DltSuggestion {
  const start = context.firstDoseDate;
  const end = addDays(start, context.windowDays);
  const explanation: ExplanationStep[] = [];
  const no = (): DltSuggestion => {
    explanation.push(step('conduct.dlt.investigator-decides'));
    return { suggested: false, rule: null, explanation };
  };

  const inside = compareDates(event.onsetDate, start) >= 0 && compareDates(event.onsetDate, end) <= 0;
  explanation.push(step(inside ? 'conduct.dlt.inside-window' : 'conduct.dlt.outside-window', { onset: event.onsetDate, start, end }));
  if (!inside) return no();
  const isRelated = related.includes(event.relatedness);
  explanation.push(step(isRelated ? 'conduct.dlt.related' : 'conduct.dlt.not-related', { relatedness: event.relatedness }));
  if (!isRelated) return no();

  const rules = context.rules ?? defaultDltRules;
  const rule = defaultDltRules.find((r) => rules.includes(r) && applies[r](event)) ?? null;
  if (rule === null) {
    explanation.push(step('conduct.dlt.no-rule', { grade: event.grade, system: event.system }));
    return no();
  }
  explanation.push(step(`conduct.dlt.rule.${rule}`, { grade: event.grade, term: event.term }));
  if (rule === DltRule.crsGrade3 && event.grade === 3) explanation.push(step('conduct.dlt.crs-grade-3-course'));
  if (rule === DltRule.otherGrade3 && event.grade < 5) explanation.push(step('conduct.dlt.other-grade-3-course'));
  explanation.push(step('conduct.dlt.investigator-confirms'));
  return { suggested: true, rule, explanation };
}
