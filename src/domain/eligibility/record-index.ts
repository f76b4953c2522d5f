// One patient's facts grouped as the leaves ask for them, built on first use and kept for the
// evaluation context's life. Every lab leaf wants "the results of one feature up to the screening
// date" and every questionnaire leaf "the answers of one questionnaire up to it": filtering the whole
// record again for each of the ~20 leaves was most of a lab leaf's cost (pre-screening profile).
// Facts are grouped by feature (questionnaire) first and dated only when their group is asked for:
// reading a date is the costly part, and a pre-screen stops at a patient's first unmet criterion.
// Groups keep record order, so whatever picks from them picks as from the filtered record.
// A record may still be filled after its context was made (prescreen/lazy-record.ts decodes each
// kind of fact just before the criteria that read it, pushing into the arrays), so the groups are
// rebuilt when their source array has grown; an evaluation never changes the record.
import { dayNumber } from './dates.ts';
import type { AnswerFact, ObservationFact, PatientRecord } from './patient-record.ts';

const none: readonly never[] = Object.freeze([]);

/** Facts of one group, and (once asked for) those dated on or before the screening date. */
interface Group<T> {
  readonly all: T[];
  dated?: readonly T[];
}

/** Facts grouped by a key, each group dated (on or before the screening date, or undated) when first asked for. */
class DatedGroups<T> {
  private count = -1;
  private groups = new Map<string, Group<T>>();

  constructor(
    private readonly keyOf: (fact: T) => string,
    private readonly dateOf: (fact: T) => string | undefined,
    private readonly asOfDay: number,
  ) {}

  get(facts: readonly T[], key: string): readonly T[] {
    if (facts.length !== this.count) this.regroup(facts);
    const group = this.groups.get(key);
    if (group === undefined) return none;
    if (group.dated === undefined) {
      const dated: T[] = [];
      for (const f of group.all) {
        const date = this.dateOf(f);
        if (date === undefined || dayNumber(date) <= this.asOfDay) dated.push(f);
      }
      group.dated = dated;
    }
    return group.dated;
  }

  private regroup(facts: readonly T[]): void {
    const groups = new Map<string, Group<T>>();
    for (const f of facts) {
      const key = this.keyOf(f);
      const group = groups.get(key);
      if (group === undefined) groups.set(key, { all: [f] });
      else group.all.push(f);
    }
    this.groups = groups;
    this.count = facts.length;
  }
}

export class RecordIndex {
  private readonly byFeature: DatedGroups<ObservationFact>;
  private readonly byQuestionnaire: DatedGroups<AnswerFact>;

  constructor(
    private readonly record: PatientRecord,
    asOfDay: number,
  ) {
    this.byFeature = new DatedGroups((o) => o.feature, (o) => o.date, asOfDay);
    this.byQuestionnaire = new DatedGroups((a) => a.questionnaire, (a) => a.date, asOfDay);
  }

  /** Results of a feature dated on or before the screening date, in record order. */
  observations(feature: string): readonly ObservationFact[] {
    return this.byFeature.get(this.record.observations, feature);
  }

  /** Answers of a questionnaire dated on or before the screening date, or undated, in record order. */
  answers(questionnaire: string): readonly AnswerFact[] {
    return this.byQuestionnaire.get(this.record.answers, questionnaire);
  }
}
