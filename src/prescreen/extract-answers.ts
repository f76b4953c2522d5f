// A QuestionnaireResponse's answers read straight from its NDJSON bytes, for the shape FirstDose's
// questionnaires have: items of a linkId and one boolean or integer answer. A response has a few
// dozen items, and the general path builds three objects and an answer per item before mapping
// them; here each item is read into its fact directly, its linkId the one met at the same position
// last time when the bytes are the same.
//
// It gives what resourceFacts gives for JSON.parse of the line (questionnaire-response.ts) or
// nothing at all: every byte is checked against the JSON grammar, and anything else — items in
// groups, an unknown linkId, an answer missing, of the wrong type, out of range or given twice, a
// date that is not a full date, a key given twice or escaped — is `notSure`, and the caller takes
// the general path. extract.test.ts holds this to it on generated and mutated responses.
import type { AnswerFact, QuestionnaireId } from '../domain/eligibility/patient-record.ts';
import { type Fact, noFacts, type ResourceFacts } from '../fhir/fact.ts';
import { isFullDate } from '../fhir/fhir-read.ts';
import { type ItemSpec, questionnaireItems, questionnaireOf } from '../fhir/questionnaires/items.ts';
import { end, keyId, member, next, open, str, text } from './extract-scan.ts';
import { FALSE, KeyTable, literal, notSure, numberRead, readNumber, skip, TRUE, ws } from './json-bytes.ts';

const K = { resourceType: 0, id: 1, status: 2, questionnaire: 3, subject: 4, authored: 5, item: 6 } as const;
const keys = new KeyTable(Object.keys(K));
const itemKeys = new KeyTable(['linkId', 'answer', 'item']);
const answerKeys = new KeyTable(['valueBoolean', 'valueInteger']);
const referenceKeys = new KeyTable(['reference']);

/** Places of the strings read (extract-scan.ts str); linkIds by their item's position. */
const S = { id: -1, status: 16, questionnaire: 17, reference: 18, date: 19, linkId: 32 } as const;
const maxItems = 200;

// One response's fields, reset per line.
const linkIds: string[] = [];
const values: (boolean | number)[] = [];
let count = 0;

/** The one answer's value of the item: valueBoolean or valueInteger as the spec wants (questionnaire-response.ts answerValue). */
function readAnswer(b: Buffer, i: number, e: number, spec: ItemSpec): number {
  let k = -1;
  let seen = 0;
  let value: boolean | number | undefined;
  for (let at = open(b, i, e); at >= 0; at = next(b, i, e)) {
    i = member(b, at, e, answerKeys, k);
    k = keyId;
    if (k === 0 || k === 1) {
      if ((seen & (1 << k)) !== 0) throw notSure;
      seen |= 1 << k;
    }
    const wanted = (k === 0 && spec.type === 'boolean') || (k === 1 && spec.type === 'integer');
    if (!wanted) {
      i = skip(b, i, e, 4);
      continue;
    }
    const c = b[i];
    if (k === 0) {
      if (c === 0x74) {
        i = literal(b, i, e, TRUE);
        value = true;
      } else if (c === 0x66) {
        i = literal(b, i, e, FALSE);
        value = false;
      } else throw notSure;
    } else {
      if (c !== 0x2d && !(c! >= 0x30 && c! <= 0x39)) throw notSure;
      i = readNumber(b, i, e, true);
      const v = numberRead;
      if (!Number.isInteger(v) || spec.type !== 'integer' || v < spec.min || v > spec.max) throw notSure;
      value = v;
    }
  }
  if (value === undefined) throw notSure;
  values[count] = value;
  return end;
}

/** The answer array at i of an item with this spec: at most one answer, its value to `values[count]`; returns the position after it and whether there was one. */
let answered = false;
function readAnswers(b: Buffer, i: number, e: number, spec: ItemSpec): number {
  if (i >= e || b[i] !== 0x5b) throw notSure;
  i = ws(b, i + 1, e);
  answered = false;
  if (i < e && b[i] === 0x5d) return i + 1;
  i = ws(b, readAnswer(b, i, e, spec), e);
  if (i >= e || b[i] !== 0x5d) throw notSure;
  answered = true;
  return i + 1;
}

/** One item: its linkId and its one answer (none: no fact); a group or anything unknown is not sure. */
function readItem(b: Buffer, i: number, e: number, items: ReadonlyMap<string, ItemSpec>): number {
  let k = -1;
  let spec: ItemSpec | undefined;
  let answerAt = -1;
  let hasAnswer = false;
  let seen = 0;
  for (let at = open(b, i, e); at >= 0; at = next(b, i, e)) {
    i = member(b, at, e, itemKeys, k);
    k = keyId;
    if (k >= 0 && k <= 2) {
      if ((seen & (1 << k)) !== 0) throw notSure;
      seen |= 1 << k;
    }
    if (k === 0) {
      i = str(b, i, e, S.linkId + Math.min(count, 200));
      spec = items.get(text);
      if (spec === undefined) throw notSure;
      linkIds[count] = text;
    } else if (k === 1) {
      if (spec !== undefined) {
        i = readAnswers(b, i, e, spec);
        hasAnswer = answered;
      } else {
        // The linkId follows: the answer is read once it is known.
        answerAt = i;
        i = skip(b, i, e, 3);
      }
    } else if (k === 2) throw notSure;
    else i = skip(b, i, e, 3);
  }
  const after = end;
  if (spec === undefined || (seen & 2) === 0) throw notSure;
  if (answerAt >= 0) {
    readAnswers(b, answerAt, e, spec);
    hasAnswer = answered;
  }
  if (hasAnswer) {
    if (count === maxItems) throw notSure;
    count++;
  }
  return after;
}

function readItems(b: Buffer, i: number, e: number, items: ReadonlyMap<string, ItemSpec> | undefined): number {
  if (i >= e || b[i] !== 0x5b) throw notSure;
  // A response to a questionnaire that is not FirstDose's yields nothing: its items need only be valid.
  if (items === undefined) return skip(b, i, e, 1);
  i = ws(b, i + 1, e);
  if (i < e && b[i] === 0x5d) return i + 1;
  for (;;) {
    i = ws(b, readItem(b, i, e, items), e);
    const d = i < e ? b[i]! : -1;
    if (d === 0x5d) return i + 1;
    if (d !== 0x2c) throw notSure;
    i = ws(b, i + 1, e);
  }
}

function readSubject(b: Buffer, i: number, e: number): string | undefined {
  let k = -1;
  let reference: string | undefined;
  for (let at = open(b, i, e); at >= 0; at = next(b, i, e)) {
    i = member(b, at, e, referenceKeys, k);
    k = keyId;
    if (k === 0) {
      i = str(b, i, e, S.reference);
      reference = text;
    } else i = skip(b, i, e, 2);
  }
  return reference;
}

/** The answers of the QuestionnaireResponse whose members follow position i (just after resourceType's value). */
export function answerFacts(b: Buffer, i: number, e: number, normalise: (reference: string) => string | null): ResourceFacts {
  let id: string | undefined;
  let status: string | undefined;
  let questionnaire: QuestionnaireId | undefined;
  let canonical = false;
  let reference: string | undefined;
  let date: string | undefined;
  let itemsAt = -1;
  let itemsRead = false;
  let seen = 0;
  count = 0;
  let k: number = K.resourceType;
  for (let at = next(b, i, e); at >= 0; at = next(b, i, e)) {
    i = member(b, at, e, keys, k);
    k = keyId;
    if (k >= 0 && k <= K.item) {
      // A key given twice: JSON.parse keeps the last, and a second resourceType changes the type.
      if ((seen & (1 << k)) !== 0 || k === K.resourceType) throw notSure;
      seen |= 1 << k;
    }
    switch (k) {
      case K.id:
        i = str(b, i, e, S.id);
        id = text;
        break;
      case K.status:
        i = str(b, i, e, S.status);
        status = text;
        break;
      case K.questionnaire:
        i = str(b, i, e, S.questionnaire);
        canonical = true;
        questionnaire = questionnaireOf(text);
        break;
      case K.subject:
        reference = readSubject(b, i, e);
        i = end;
        break;
      case K.authored:
        i = str(b, i, e, S.date);
        date = text;
        break;
      case K.item:
        // Read once the questionnaire is known: now when it came first.
        if (canonical) {
          i = readItems(b, i, e, questionnaire === undefined ? undefined : questionnaireItems[questionnaire]);
          itemsRead = true;
        } else {
          itemsAt = i;
          i = skip(b, i, e, 1);
        }
        break;
      default:
        i = skip(b, i, e, 1);
    }
  }
  if (ws(b, end, e) !== e) throw notSure;
  if (status === 'entered-in-error' || !canonical || questionnaire === undefined) return none;
  if (date !== undefined && !isFullDate(date)) throw notSure;
  if (itemsAt >= 0 && !itemsRead) readItems(b, itemsAt, e, questionnaireItems[questionnaire]);
  if (count === 0) return none;
  if (reference === undefined) throw notSure;
  const subject = normalise(reference);
  if (subject === null) throw notSure;
  const source = id === undefined || id === '' ? 'QuestionnaireResponse' : `QuestionnaireResponse/${id}`;
  const facts: Fact[] = new Array(count);
  for (let n = 0; n < count; n++) {
    const fact: AnswerFact = { questionnaire, linkId: linkIds[n]!, value: values[n]!, source };
    if (date !== undefined) fact.date = date;
    facts[n] = { kind: 'answer', fact };
  }
  return { subject, facts };
}

const none: ResourceFacts = { subject: null, facts: noFacts };
