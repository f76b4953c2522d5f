// One patient's facts grouped as the leaves ask for them, built on first use and kept for the
// evaluation context's life. Every lab leaf wants "the results of one feature up to the screening
// date" and every questionnaire leaf "the answers of one questionnaire up to it": filtering the whole
// record again for each of the ~20 leaves was most of a lab leaf's cost (pre-screening profile).
// Groups keep record order, so whatever picks from them picks as from the filtered record.
// A record may still be filled after its context was made (prescreen/lazy-record.ts decodes each
// kind of fact just before the criteria that read it, pushing into the arrays), so a group is
// rebuilt when its source array has grown; an evaluation never changes the record.
import { dayNumber } from './dates.ts';
import type { AnswerFact, ObservationFact, PatientRecord } from './patient-record.ts';

const none: readonly never[] = Object.freeze([]);

export class RecordIndex {
  private observationCount = -1;
  private readonly byFeature = new Map<string, ObservationFact[]>();
  private answerCount = -1;
  private readonly byQuestionnaire = new Map<string, AnswerFact[]>();

  constructor(
    private readonly record: PatientRecord,
    private readonly asOfDay: number,
  ) {}

  /** Results of a feature dated on or before the screening date, in record order. */
  observations(feature: string): readonly ObservationFact[] {
    const all = this.record.observations;
    if (all.length !== this.observationCount) {
      this.byFeature.clear();
      for (const o of all) {
        if (!(dayNumber(o.date) <= this.asOfDay)) continue;
        const group = this.byFeature.get(o.feature);
        if (group === undefined) this.byFeature.set(o.feature, [o]);
        else group.push(o);
      }
      this.observationCount = all.length;
    }
    return this.byFeature.get(feature) ?? none;
  }

  /** Answers of a questionnaire dated on or before the screening date, or undated, in record order. */
  answers(questionnaire: string): readonly AnswerFact[] {
    const all = this.record.answers;
    if (all.length !== this.answerCount) {
      this.byQuestionnaire.clear();
      for (const a of all) {
        if (a.date !== undefined && !(dayNumber(a.date) <= this.asOfDay)) continue;
        const group = this.byQuestionnaire.get(a.questionnaire);
        if (group === undefined) this.byQuestionnaire.set(a.questionnaire, [a]);
        else group.push(a);
      }
      this.answerCount = all.length;
    }
    return this.byQuestionnaire.get(questionnaire) ?? none;
  }
}
