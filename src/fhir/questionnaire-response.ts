// QuestionnaireResponse (https://hl7.org/fhir/R4/questionnaireresponse.html) → AnswerFacts, for the
// three FirstDose questionnaires only. Each item is a linkId with at most one answer; an unknown
// linkId or an answer of the wrong type is an issue, since the contract fixes both. Items nested in
// groups are read too. Responses to other questionnaires are not ours and yield nothing.
import type { AnswerFact, QuestionnaireId } from '../domain/eligibility/patient-record.ts';
import { type Fact, noFacts } from './fact.ts';
import { dateField, describe, isObject, type Json, type Sink, stringField } from './fhir-read.ts';
import { type ItemSpec, questionnaireItems, questionnaireOf } from './questionnaires/items.ts';

interface Context {
  readonly questionnaire: QuestionnaireId;
  readonly items: ReadonlyMap<string, ItemSpec>;
  readonly date: string | undefined;
  readonly source: string;
  readonly sink: Sink;
  readonly out: Fact[];
}

// Paths are built only for an issue: a response has dozens of items, and their paths cost more
// than reading them. An item is addressed as (`at`, the path of its list, and `i`, its index).
type Path = readonly (string | number)[];

/** The path of an item's answer's value field. A function, not a closure: closures made per item cost. */
const valuePath = (at: Path, i: number, key: string) => [...at, i, 'answer', 0, key];

function answerValue(answer: Json, spec: ItemSpec, at: Path, i: number, ctx: Context): boolean | number | undefined {
  if (spec.type === 'boolean') {
    const v = answer['valueBoolean'];
    if (typeof v === 'boolean') return v;
    ctx.sink.add(valuePath(at, i, 'valueBoolean'), v === undefined ? 'required' : 'invalid_type', v === undefined ? {} : { expected: 'boolean', received: describe(v) });
    return undefined;
  }
  const v = answer['valueInteger'];
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    if (v === undefined) ctx.sink.add(valuePath(at, i, 'valueInteger'), 'required');
    else if (typeof v === 'number') ctx.sink.add(valuePath(at, i, 'valueInteger'), 'not_integer');
    else ctx.sink.wrongType(valuePath(at, i, 'valueInteger'), 'integer', v);
    return undefined;
  }
  if (v < spec.min || v > spec.max) {
    ctx.sink.add(valuePath(at, i, 'valueInteger'), 'out_of_range', { value: v, minimum: spec.min, maximum: spec.max });
    return undefined;
  }
  return v;
}

/** The one answer of an item, or undefined after reporting why there is none to use. */
function singleAnswer(item: Json, at: Path, i: number, linkId: string, ctx: Context): Json | undefined {
  const answers = item['answer'];
  if (!ctx.items.has(linkId)) ctx.sink.add([...at, i, 'linkId'], 'unknown_link_id', { linkId, questionnaire: ctx.questionnaire });
  else if (!Array.isArray(answers)) ctx.sink.wrongType([...at, i, 'answer'], 'array', answers);
  else if (answers.length > 1) ctx.sink.add([...at, i, 'answer'], 'too_many', { maximum: 1 });
  else if (answers.length === 1 && !isObject(answers[0])) ctx.sink.wrongType([...at, i, 'answer', 0], 'object', answers[0]);
  else if (answers.length === 1) return answers[0] as Json;
  return undefined;
}

function readItem(item: Json, at: Path, i: number, ctx: Context): void {
  const linkId = item['linkId'];
  if (typeof linkId !== 'string') {
    if (linkId === undefined) ctx.sink.add([...at, i, 'linkId'], 'required');
    else ctx.sink.wrongType([...at, i, 'linkId'], 'string', linkId);
    return;
  }
  // A group: its own linkId is layout, its children carry the answers.
  if (item['answer'] === undefined) {
    readItems(item['item'], [...at, i, 'item'], ctx);
    return;
  }
  const answer = singleAnswer(item, at, i, linkId, ctx);
  const spec = ctx.items.get(linkId);
  if (!answer || !spec) return;
  const value = answerValue(answer, spec, at, i, ctx);
  if (value === undefined) return;
  const fact: AnswerFact = { questionnaire: ctx.questionnaire, linkId, value, source: ctx.source };
  if (ctx.date !== undefined) fact.date = ctx.date;
  ctx.out.push({ kind: 'answer', fact });
}

function readItems(items: unknown, at: Path, ctx: Context): void {
  if (items === undefined) return;
  if (!Array.isArray(items)) {
    ctx.sink.wrongType(at, 'array', items);
    return;
  }
  items.forEach((item, i) => {
    if (isObject(item)) readItem(item, at, i, ctx);
    else ctx.sink.wrongType([...at, i], 'object', item);
  });
}

export function answerFacts(r: Json, sink: Sink, source: string): readonly Fact[] {
  if (r['status'] === 'entered-in-error') return noFacts;
  const canonical = stringField(r, 'questionnaire', sink, []);
  const questionnaire = canonical === undefined ? undefined : questionnaireOf(canonical);
  if (questionnaire === undefined) return noFacts;
  const date = dateField(r, 'authored', sink, []);
  const ctx: Context = { questionnaire, items: questionnaireItems[questionnaire], date, source, sink, out: [] };
  readItems(r['item'], ['item'], ctx);
  return ctx.out;
}
