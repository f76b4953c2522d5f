// Facts to and from the compact binary form of binary.ts. Every optional field is a presence bit,
// so a decoded fact has exactly the fields the original had (an absent field stays absent). The key
// test (prescreen.test.ts) checks that decoding gives the fact back, field for field.
import type { AnswerFact, ConditionFact, MedicationFact, ObservationFact, ProcedureFact } from '../domain/eligibility/patient-record.ts';
import type { Fact, PatientFact } from '../fhir/fact.ts';
import type { Reader, Writer } from './binary.ts';
import { readDate, readSource, writeDate, writeSource } from './text-codec.ts';

const Kind = { patient: 0, observation: 1, condition: 2, medication: 3, procedure: 4, answer: 5 } as const;

/** Kinds of fact as bits of a mask, for decoding some kinds only. */
export const kindBit = (kind: Fact['kind']): number => 1 << Kind[kind];
export const allKinds = (1 << 6) - 1;

/** The kind bit of the record at `at` (its first byte; an answer may carry a flag above the kind). */
export const kindBitAt = (bytes: Uint8Array, at: number): number => 1 << (bytes[at]! & 0x7f);
const kindNames = ['patient', 'observation', 'condition', 'medication', 'procedure', 'answer'] as const;
const valueKinds = ['quantity', 'titer', 'coded', 'unusable'] as const;

/** A fact with its position in the export, so a patient's facts can be put back in input order. */
export interface Placed {
  /** The resource's position in the export, and the fact's position among that resource's facts. */
  readonly seq: number;
  readonly sub: number;
  readonly fact: Fact;
}

const bit = (on: boolean, b: number) => (on ? 1 << b : 0);

function writeObservation(w: Writer, f: ObservationFact): void {
  const vk = valueKinds.indexOf(f.value.kind);
  w.byte(bit(f.lln !== undefined, 0) | bit(f.uln !== undefined, 1) | bit(f.onRoomAir !== undefined, 2) | bit(f.onRoomAir === true, 3) | bit(f.code !== undefined, 4) | (vk << 5));
  w.symbol(f.feature);
  writeDate(w, f.date);
  const v = f.value;
  if (v.kind === 'quantity') {
    w.number(v.quantity.value);
    w.symbol(v.quantity.unit);
  } else if (v.kind === 'titer') w.number(v.dilution);
  else if (v.kind === 'coded') w.symbol(v.result);
  else {
    w.symbol(v.problem.code);
    w.byte(v.problem.detail === undefined ? 0 : 1);
    if (v.problem.detail !== undefined) w.text(v.problem.detail);
  }
  if (f.lln !== undefined) w.number(f.lln);
  if (f.uln !== undefined) w.number(f.uln);
  writeSource(w, f.source);
  if (f.code !== undefined) w.symbol(f.code);
}

function readObservation(r: Reader): ObservationFact {
  const flags = r.byte();
  const feature = r.symbol() as ObservationFact['feature'];
  const date = readDate(r);
  const kind = valueKinds[flags >> 5]!;
  let value: ObservationFact['value'];
  if (kind === 'quantity') {
    const n = r.number();
    value = { kind, quantity: { value: n, unit: r.symbol() } };
  } else if (kind === 'titer') value = { kind, dilution: r.number() };
  else if (kind === 'coded') value = { kind, result: r.symbol() as 'positive' };
  else {
    const code = r.symbol() as 'no_value';
    value = { kind, problem: r.byte() === 1 ? { code, detail: r.text() } : { code } };
  }
  const out: { -readonly [K in keyof ObservationFact]: ObservationFact[K] } = { feature, date, value, source: '' };
  if (flags & 1) out.lln = r.number();
  if (flags & 2) out.uln = r.number();
  if (flags & 4) out.onRoomAir = (flags & 8) !== 0;
  out.source = readSource(r);
  if (flags & 16) out.code = r.symbol();
  return out;
}

function writeCondition(w: Writer, f: ConditionFact): void {
  w.byte(bit(f.onset !== undefined, 0) | bit(f.recorded !== undefined, 1) | bit(f.active, 2) | bit(f.code !== undefined, 3));
  w.symbol(f.kind);
  if (f.onset !== undefined) writeDate(w, f.onset);
  if (f.recorded !== undefined) writeDate(w, f.recorded);
  writeSource(w, f.source);
  if (f.code !== undefined) w.symbol(f.code);
}

function readCondition(r: Reader): ConditionFact {
  const flags = r.byte();
  const out: { -readonly [K in keyof ConditionFact]: ConditionFact[K] } = { kind: r.symbol() as ConditionFact['kind'], active: (flags & 4) !== 0, source: '' };
  if (flags & 1) out.onset = readDate(r);
  if (flags & 2) out.recorded = readDate(r);
  out.source = readSource(r);
  if (flags & 8) out.code = r.symbol();
  return out;
}

function writeMedication(w: Writer, f: MedicationFact): void {
  const p = f.problem;
  w.byte(bit(f.atc !== undefined, 0) | bit(f.dose !== undefined, 1) | bit(f.perDay !== undefined, 2) | bit(f.end !== undefined, 3) | bit(p !== undefined, 4) | bit(p?.detail !== undefined, 5));
  w.symbol(f.class);
  w.symbol(f.agent);
  if (f.atc !== undefined) w.symbol(f.atc);
  if (f.dose !== undefined) {
    w.number(f.dose.value);
    w.symbol(f.dose.unit);
  }
  if (f.perDay !== undefined) w.number(f.perDay);
  writeDate(w, f.start);
  if (f.end !== undefined) writeDate(w, f.end);
  if (p !== undefined) w.symbol(p.code);
  if (p?.detail !== undefined) w.text(p.detail);
  writeSource(w, f.source);
}

function readMedication(r: Reader): MedicationFact {
  const flags = r.byte();
  const out: { -readonly [K in keyof MedicationFact]: MedicationFact[K] } = { class: r.symbol() as MedicationFact['class'], agent: r.symbol(), start: '', source: '' };
  if (flags & 1) out.atc = r.symbol();
  if (flags & 2) {
    const value = r.number();
    out.dose = { value, unit: r.symbol() };
  }
  if (flags & 4) out.perDay = r.number();
  out.start = readDate(r);
  if (flags & 8) out.end = readDate(r);
  if (flags & 16) {
    const code = r.symbol() as 'no_value';
    out.problem = flags & 32 ? { code, detail: r.text() } : { code };
  }
  out.source = readSource(r);
  return out;
}

function writeProcedure(w: Writer, f: ProcedureFact): void {
  w.byte(bit(f.code !== undefined, 0));
  writeDate(w, f.date);
  writeSource(w, f.source);
  if (f.code !== undefined) w.symbol(f.code);
}

function readProcedure(r: Reader): ProcedureFact {
  const flags = r.byte();
  const date = readDate(r);
  const source = readSource(r);
  return flags & 1 ? { kind: 'transfusion', date, source, code: r.symbol() } : { kind: 'transfusion', date, source };
}

/**
 * Answers of one QuestionnaireResponse share questionnaire, date and source: an answer that follows
 * one from the same response in the same string writes only its linkId and value.
 */
function writeAnswer(w: Writer, f: AnswerFact, previous: AnswerFact | undefined): void {
  const same = previous !== undefined && previous.source === f.source && previous.date === f.date && previous.questionnaire === f.questionnaire;
  const vk = typeof f.value === 'boolean' ? (f.value ? 1 : 0) : typeof f.value === 'number' ? 2 : 3;
  w.byte(vk | bit(same, 2) | bit(f.date !== undefined, 3));
  w.symbol(f.linkId);
  if (vk === 2) w.number(f.value as number);
  if (vk === 3) w.text(f.value as string);
  if (same) return;
  w.symbol(f.questionnaire);
  if (f.date !== undefined) writeDate(w, f.date);
  writeSource(w, f.source);
}

function readAnswer(r: Reader, previous: AnswerFact | undefined): AnswerFact {
  const flags = r.byte();
  const linkId = r.symbol();
  const vk = flags & 3;
  const value = vk === 0 ? false : vk === 1 ? true : vk === 2 ? r.number() : r.text();
  if (flags & 4 && previous) {
    const { questionnaire, date, source } = previous;
    return date === undefined ? { questionnaire, linkId, value, source } : { questionnaire, linkId, value, date, source };
  }
  const questionnaire = r.symbol() as AnswerFact['questionnaire'];
  const date = flags & 8 ? readDate(r) : undefined;
  const source = readSource(r);
  return date === undefined ? { questionnaire, linkId, value, source } : { questionnaire, linkId, value, date, source };
}

function writePatient(w: Writer, f: PatientFact): void {
  w.byte(bit(f.id !== undefined, 0) | bit(f.birthDate !== undefined, 1) | bit(f.sex !== undefined, 2));
  if (f.id !== undefined) w.text(f.id);
  if (f.birthDate !== undefined) writeDate(w, f.birthDate);
  if (f.sex !== undefined) w.symbol(f.sex);
}

function readPatient(r: Reader): PatientFact {
  const flags = r.byte();
  const out: { -readonly [K in keyof PatientFact]: PatientFact[K] } = { kind: 'patient' };
  if (flags & 1) out.id = r.text();
  if (flags & 2) out.birthDate = readDate(r);
  if (flags & 4) out.sex = r.symbol() as PatientFact['sex'];
  return out;
}

/**
 * Set on the kind byte of an answer from the same resource as the answer before it: its position
 * is written as the step from that one's. A response's answers are a third of a patient's state.
 */
const sameResource = 0x80;

/** Appends one fact; `previous` is the fact encoded just before it in the same string, if any. */
export function writeFact(w: Writer, seq: number, sub: number, fact: Fact, previous?: Placed): void {
  if (fact.kind === 'answer' && previous?.fact.kind === 'answer' && previous.seq === seq && sub > previous.sub) {
    w.byte(Kind.answer | sameResource);
    w.uint(sub - previous.sub);
  } else {
    w.byte(Kind[fact.kind]);
    w.uint(seq);
    w.uint(sub);
  }
  switch (fact.kind) {
    case 'patient':
      writePatient(w, fact);
      return;
    case 'observation':
      writeObservation(w, fact.fact);
      return;
    case 'condition':
      writeCondition(w, fact.fact);
      return;
    case 'medication':
      writeMedication(w, fact.fact);
      return;
    case 'procedure':
      writeProcedure(w, fact.fact);
      return;
    case 'answer':
      writeAnswer(w, fact.fact, previous?.fact.kind === 'answer' ? previous.fact.fact : undefined);
      return;
  }
}

/** Every fact of a string of concatenated records, in the order written (`before`: the one before them). */
export function readFacts(r: Reader, out: Placed[] = [], before?: Placed): Placed[] {
  let previousPlaced: Placed | undefined = before?.fact.kind === 'answer' ? before : undefined;
  let previous: AnswerFact | undefined = before?.fact.kind === 'answer' ? before.fact.fact : undefined;
  while (!r.done) {
    const k = r.byte();
    const kind = kindNames[k & ~sameResource]!;
    let seq: number;
    let sub: number;
    if (k & sameResource) {
      if (previousPlaced === undefined) throw new Error('an answer written after another lacks it');
      seq = previousPlaced.seq;
      sub = previousPlaced.sub + r.uint();
    } else {
      seq = r.uint();
      sub = r.uint();
    }
    let fact: Fact;
    if (kind === 'patient') fact = readPatient(r);
    else if (kind === 'observation') fact = { kind, fact: readObservation(r) };
    else if (kind === 'condition') fact = { kind, fact: readCondition(r) };
    else if (kind === 'medication') fact = { kind, fact: readMedication(r) };
    else if (kind === 'procedure') fact = { kind, fact: readProcedure(r) };
    else {
      const answer = readAnswer(r, previous);
      previous = answer;
      fact = { kind, fact: answer };
    }
    const placed = { seq, sub, fact };
    if (kind !== 'answer') previous = undefined;
    previousPlaced = kind === 'answer' ? placed : undefined;
    out.push(placed);
  }
  return out;
}
