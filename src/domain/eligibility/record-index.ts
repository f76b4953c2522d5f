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

function grouped<T>(facts: readonly T[], keyOf: (fact: T) => string): Map<string, Group<T>> {
  const out = new Map<string, Group<T>>();
  for (const f of facts) {
    const key = keyOf(f);
    const group = out.get(key);
    if (group === undefined) out.set(key, { all: [f] });
    else group.all.push(f);
  }
  return out;
}

const featureOf = (o: ObservationFact): string => o.feature;
const questionnaireOf = (a: AnswerFact): string => a.questionnaire;

export class RecordIndex {
  private observationCount = -1;
  private byFeature: Map<string, Group<ObservationFact>> | undefined;
  private answerCount = -1;
  private byQuestionnaire: Map<string, Group<AnswerFact>> | undefined;

  constructor(
    private readonly record: PatientRecord,
    private readonly asOfDay: number,
  ) {}

  /** Results of a feature dated on or before the screening date, in record order. */
  observations(feature: string): readonly ObservationFact[] {
    const all = this.record.observations;
    if (this.byFeature === undefined || all.length !== this.observationCount) {
      this.byFeature = grouped(all, featureOf);
      this.observationCount = all.length;
    }
    const group = this.byFeature.get(feature);
    if (group === undefined) return none;
    if (group.dated === undefined) {
      const dated: ObservationFact[] = [];
      for (const o of group.all) if (dayNumber(o.date) <= this.asOfDay) dated.push(o);
      group.dated = dated;
    }
    return group.dated;
  }

  /** Answers of a questionnaire dated on or before the screening date, or undated, in record order. */
  answers(questionnaire: string): readonly AnswerFact[] {
    const all = this.record.answers;
    if (this.byQuestionnaire === undefined || all.length !== this.answerCount) {
      this.byQuestionnaire = grouped(all, questionnaireOf);
      this.answerCount = all.length;
    }
    const group = this.byQuestionnaire.get(questionnaire);
    if (group === undefined) return none;
    if (group.dated === undefined) {
      const dated: AnswerFact[] = [];
      for (const a of group.all) if (a.date === undefined || dayNumber(a.date) <= this.asOfDay) dated.push(a);
      group.dated = dated;
    }
    return group.dated;
  }
}
