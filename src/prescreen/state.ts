// The per-patient state of a streaming pre-screen: one block of bytes per patient (binary.ts,
// stored off-heap in arena.ts), a sequence of entries `[tag][length][record]`. Each fact a resource
// yields is dropped (the protocol never reads it, or evaluation could never pick it: needs.ts) or
// kept as an entry:
// - tag 0: a fact evaluation may read in full (patient, conditions, medications, transfusions,
//   answers, `all` labs), appended;
// - tag s+1: latest-slot s (one per `latest` lab, three for SpO2 by room-air status), holding the one
//   fact eligibility's latestBy would pick among those seen so far, with its day number in front so
//   that a newer result replaces it without decoding it;
// - tag 128+k: a witness, one dropped fact of kind k kept while no other fact of that kind is, because
//   evaluation may ask whether the record has any fact of a kind at all (evaluate-regimen.ts: no
//   medication on record is unknown, not "no regimen"). It is a fact every reader filters out.
// A patient costs a dozen bytes of tables and a few dozen bytes per kept fact, however large the
// input. The patient being changed is held open in a buffer and changed in place, and is stored
// back only when another patient's resource comes: exports list a patient's resources together in
// each file, so most resources change the buffer rather than the arena. Each
// record carries its position in the export, so the record rebuilt for a patient lists facts in the
// order a bundle of the same resources would (bundle.ts maps entries in order).
import type { ObservationFact } from '../domain/eligibility/patient-record.ts';
import type { Fact } from '../fhir/fact.ts';
import { Arena, load } from './arena.ts';
import { Reader, SymbolTable, Writer } from './binary.ts';
import { fastDay } from './day.ts';
import { allKinds, kindBitAt, type Placed, readFacts, writeFact } from './fact-codec.ts';
import { PatientIndex } from './patient-index.ts';
import { readDate } from './text-codec.ts';
import { type Needs, ObservationPolicy } from './needs.ts';

const witnessTag = 128;

/** a comes after b in the export. */
const later = (a: Placed, b: Placed) => a.seq > b.seq || (a.seq === b.seq && a.sub > b.sub);

const kindIndex = { observation: 0, condition: 1, medication: 2, procedure: 3, answer: 4 } as const;
/** Per patient: bit k, a fact of kind k is kept; bit 8+k, a witness of kind k is held. */
const keptBit = (k: number) => 1 << k;
const witnessBit = (k: number) => 1 << (8 + k);

export class PrescreenState {
  private marks = new Uint16Array(1024);
  readonly symbols = new SymbolTable();
  /** One record; and the open patient's state. */
  private readonly record = new Writer(this.symbols);
  private readonly out = new Writer(this.symbols);
  private readonly index = new PatientIndex();
  private readonly arena: Arena;
  /** Slot of each observation feature read as latest (SpO2 by room air: slot, +1, +2); -1 for `all`. */
  private readonly slotOf = new Map<string, number>();
  private readonly asOfDay: number;
  private readonly transfusionFrom: number;
  /** The answer last appended, so the next one of the same response can share its header. */
  private lastAnswer: { patient: number; placed: Placed } | undefined;
  /** Facts written to the state (a replaced latest value counts) and facts dropped at once. */
  kept = 0;
  dropped = 0;

  /** `chunkBits`: the arena's chunk size (tests use tiny chunks so that states move and compact). */
  constructor(
    private readonly needs: Needs,
    asOf: string,
    options: { readonly chunkBits?: number } = {},
  ) {
    this.arena = new Arena(options.chunkBits);
    this.asOfDay = fastDay(asOf);
    this.transfusionFrom = this.asOfDay - needs.transfusionDays;
    let slot = 0;
    for (const [feature, policy] of needs.observations) {
      this.slotOf.set(feature, policy === ObservationPolicy.all ? -1 : slot);
      slot += policy === ObservationPolicy.roomAir ? 3 : policy === ObservationPolicy.latest ? 1 : 0;
    }
    if (slot >= witnessTag) throw new Error('more latest-slots than entry tags');
  }

  get patientCount(): number {
    return this.index.size;
  }

  /** Patient p's key (`Patient/<id>`). */
  key(p: number): string {
    return this.index.key(p);
  }

  /** Every patient's key by patient number (a new array; for tests). */
  get keys(): string[] {
    return Array.from({ length: this.patientCount }, (_, p) => this.key(p));
  }

  /** The patient number of a subject, created on first sight: resource files come in any order. */
  patient(subject: string): number {
    // Consecutive resources are mostly about the same patient: a string compare, not a hash lookup.
    if (subject === this.lastKey) return this.lastPatient;
    let p = this.index.get(subject);
    if (p < 0) {
      p = this.index.add(subject);
      this.arena.ensure(p + 1);
      if (p === this.marks.length) {
        const grown = new Uint16Array(this.marks.length * 2);
        grown.set(this.marks);
        this.marks = grown;
      }
    }
    this.lastKey = subject;
    this.lastPatient = p;
    return p;
  }

  private lastKey: string | undefined;
  private lastPatient = -1;
  /** The patient whose state is in `out`, and whether it changed since it was opened. */
  private open = -1;
  private dirty = false;

  /**
   * Where the open patient's tagged entries (latest-slots, witnesses) start in `out`, -1 for none,
   * and which tags are there: a result offered to a slot finds the one held without a scan.
   */
  private readonly slotAt = new Int32Array(witnessTag + 8).fill(-1);
  private readonly slotTags: number[] = [];
  /**
   * The open patient's latest-slot results not yet written: a patient's results come in date order,
   * so each is soon replaced by a newer one, and only the one held when the patient is stored back
   * is encoded (2 million lab results, ~1 million encoded).
   */
  private readonly pending: (Fact | undefined)[] = new Array(witnessTag).fill(undefined);
  // Each pending result's place in the export, day and date, by tag (arrays, not an object per result).
  private readonly pendingSeq = new Float64Array(witnessTag);
  private readonly pendingSub = new Int32Array(witnessTag);
  private readonly pendingDay = new Float64Array(witnessTag);
  private readonly pendingDate: string[] = new Array(witnessTag).fill('');
  private readonly pendingTags: number[] = [];

  private openPatient(p: number): void {
    if (this.open === p) return;
    this.close();
    this.out.reset();
    load(this.arena, p, this.out);
    this.open = p;
    const r = new Reader(this.out.view, this.symbols, this.out.length);
    while (!r.done) {
      const start = r.pos;
      const tag = r.uint();
      const length = r.uint();
      if (tag !== 0) this.placeSlot(tag, start);
      r.pos += length;
    }
  }

  private placeSlot(tag: number, start: number): void {
    if (this.slotAt[tag] === -1) this.slotTags.push(tag);
    this.slotAt[tag] = start;
  }

  /** Removes the open patient's bytes [start, end), an entry with `tag`. */
  private cutEntry(tag: number, start: number, end: number): void {
    this.out.cut(start, end);
    this.slotAt[tag] = -1;
    const tags = this.slotTags;
    for (let i = tags.length - 1; i >= 0; i--) {
      const t = tags[i]!;
      if (t === tag) tags.splice(i, 1);
      else if (this.slotAt[t]! > start) this.slotAt[t]! -= end - start;
    }
  }

  /** Stores the open patient's state back. */
  private close(): void {
    for (const tag of this.pendingTags) {
      this.write(tag, this.pendingSeq[tag]!, this.pendingSub[tag]!, this.pending[tag]!, undefined, this.pendingDay[tag]!);
      this.pending[tag] = undefined;
    }
    this.pendingTags.length = 0;
    if (this.open >= 0 && this.dirty) this.arena.store(this.open, this.out.view, this.out.length);
    this.open = -1;
    this.dirty = false;
    for (const t of this.slotTags) this.slotAt[t] = -1;
    this.slotTags.length = 0;
  }

  /** Reduces one resource's facts into its patient's state. */
  add(subject: string, seq: number, facts: readonly Fact[]): void {
    const p = this.patient(subject);
    for (let sub = 0; sub < facts.length; sub++) {
      const f = facts[sub]!;
      const slot = this.keep(f);
      if (slot === undefined) {
        this.dropped++;
        if (f.kind !== 'patient') this.witness(p, kindIndex[f.kind], seq, sub, f);
        continue;
      }
      this.openPatient(p);
      if (f.kind !== 'patient') this.markKept(p, kindIndex[f.kind]);
      if (slot < 0) {
        this.entry(0, seq, sub, f, this.previousAnswer(p, seq, sub, f));
        continue;
      }
      const tag = slot + 1;
      const date = (f as { fact: ObservationFact }).fact.date;
      // The day (computed by keep) settles most comparisons without reading the held date.
      const day = this.day;
      if (this.pending[tag] !== undefined) {
        const waitingDay = this.pendingDay[tag]!;
        if (day < waitingDay || (day === waitingDay && date < this.pendingDate[tag]!)) this.dropped++;
        else {
          this.hold(tag, seq, sub, f, day, date);
          this.kept++;
        }
        continue;
      }
      const held = this.findSlot(tag);
      if (held !== undefined && (day < held.day || (day === held.day && date < this.heldDate(held.at)))) {
        this.dropped++;
        continue;
      }
      if (held !== undefined) this.cutEntry(tag, held.start, held.end);
      this.hold(tag, seq, sub, f, day, date);
      this.pendingTags.push(tag);
      this.dirty = true;
      this.kept++;
    }
  }

  private hold(tag: number, seq: number, sub: number, f: Fact, day: number, date: string): void {
    this.pending[tag] = f;
    this.pendingSeq[tag] = seq;
    this.pendingSub[tag] = sub;
    this.pendingDay[tag] = day;
    this.pendingDate[tag] = date;
  }

  /** Keeps `f` as the witness of kind k unless a fact of that kind, or a witness, is already kept. */
  private witness(p: number, k: number, seq: number, sub: number, f: Fact): void {
    if ((this.marks[p]! & (keptBit(k) | witnessBit(k))) !== 0) return;
    this.openPatient(p);
    this.entry(witnessTag + k, seq, sub, f, undefined);
    this.marks[p]! |= witnessBit(k);
  }

  /** A fact of kind k is kept: a witness of that kind is no longer needed. */
  private markKept(p: number, k: number): void {
    const m = this.marks[p]!;
    if ((m & witnessBit(k)) !== 0) {
      const held = this.findSlot(witnessTag + k, false);
      if (held) this.cutEntry(witnessTag + k, held.start, held.end);
    }
    this.marks[p] = (m & ~witnessBit(k)) | keptBit(k);
  }

  /** The day number of the observation `keep` last looked at. */
  private day = 0;

  /** undefined: drop; -1: keep in full; s ≥ 0: offer to latest-slot s. */
  private keep(f: Fact): number | undefined {
    const needs = this.needs;
    if (needs.keepAll) return -1;
    switch (f.kind) {
      case 'patient':
        return -1;
      case 'observation': {
        const slot = this.slotOf.get(f.fact.feature);
        if (slot === undefined) return undefined;
        this.day = fastDay(f.fact.date);
        // A value dated after the screening date is never used (context.ts notAfterAsOf).
        if (this.day > this.asOfDay) return undefined;
        if (slot < 0 || f.fact.feature !== 'spo2') return slot;
        return slot + (f.fact.onRoomAir === true ? 0 : f.fact.onRoomAir === undefined ? 1 : 2);
      }
      case 'condition': {
        const c = f.fact;
        const date = c.onset ?? c.recorded;
        // Inactive or later-dated conditions are never read (evaluate-history.ts activeConditions).
        return needs.conditions.has(c.kind) && c.active !== false && (date === undefined || fastDay(date) <= this.asOfDay) ? -1 : undefined;
      }
      case 'medication':
        // Every medication leaf reads statements started by the screening date only.
        return needs.medicationClasses.has(f.fact.class) && fastDay(f.fact.start) <= this.asOfDay ? -1 : undefined;
      case 'procedure': {
        const day = fastDay(f.fact.date);
        return needs.transfusionDays > 0 && day <= this.asOfDay && day >= this.transfusionFrom ? -1 : undefined;
      }
      case 'answer': {
        const a = f.fact;
        const items = needs.questionnaires.get(a.questionnaire);
        const wanted = items === null || items?.has(a.linkId) === true;
        return wanted && (a.date === undefined || fastDay(a.date) <= this.asOfDay) ? -1 : undefined;
      }
    }
  }

  private previousAnswer(p: number, seq: number, sub: number, f: Fact): Placed | undefined {
    if (f.kind !== 'answer') {
      this.lastAnswer = undefined;
      return undefined;
    }
    const previous = this.lastAnswer?.patient === p ? this.lastAnswer.placed : undefined;
    this.lastAnswer = { patient: p, placed: { seq, sub, fact: f } };
    return previous;
  }

  private entry(tag: number, seq: number, sub: number, f: Fact, previous: Placed | undefined, day?: number): void {
    this.write(tag, seq, sub, f, previous, day);
    this.kept++;
  }

  private write(tag: number, seq: number, sub: number, f: Fact, previous: Placed | undefined, day?: number): void {
    const r = this.record.reset();
    if (day !== undefined) r.uint(day);
    writeFact(r, seq, sub, f, previous);
    if (tag !== 0) this.placeSlot(tag, this.out.length);
    this.out.uint(tag);
    this.out.uint(r.length);
    this.out.append(r);
    if (tag !== 0) this.lastAnswer = undefined;
    this.dirty = true;
  }

  /** The open patient's entry with `tag`: its bounds, its day (latest-slots), and where its record starts. */
  private findSlot(tag: number, dated = true): { start: number; end: number; day: number; at: number } | undefined {
    const start = this.slotAt[tag]!;
    if (start < 0) return undefined;
    const r = new Reader(this.out.view, this.symbols, this.out.length);
    r.pos = start;
    r.uint();
    const length = r.uint();
    const end = r.pos + length;
    const day = dated ? r.uint() : 0;
    return { start, end, day, at: r.pos };
  }

  /** The date text of the observation record at `at`: kind, seq, sub, flags and feature come first. */
  private heldDate(at: number): string {
    const r = new Reader(this.out.view, this.symbols, this.out.length);
    r.pos = at;
    r.byte();
    r.uint();
    r.uint();
    r.byte();
    r.uint();
    return readDate(r);
  }

  /** Frees patient p's state (after screening). */
  release(p: number): void {
    this.close();
    this.arena.free(p);
  }

  /**
   * Every kept fact of patient `p` of the kinds in `kinds` (kindBit), in export order; frees the
   * patient's state when `release`.
   */
  facts(p: number, release = false, kinds = allKinds): Fact[] {
    this.close();
    const block = this.arena.block(p);
    if (block === undefined) return [];
    const placed: Placed[] = [];
    const { bytes } = block;
    const r = new Reader(bytes, this.symbols, block.end);
    r.pos = block.start;
    // One reader walks the entries; the other reads each entry's record, up to its end.
    const body = new Reader(bytes, this.symbols, block.end);
    let previous: Placed | undefined;
    let ordered = true;
    while (!r.done) {
      const tag = r.uint();
      const length = r.uint();
      const end = r.pos + length;
      if (tag !== 0 && tag < witnessTag) r.uint();
      if ((kindBitAt(bytes, r.pos) & kinds) === 0) {
        // Not asked for. The answers asked for never follow it as their previous one (readFacts).
        previous = undefined;
        r.pos = end;
        continue;
      }
      body.pos = r.pos;
      body.end = end;
      const before = placed.length;
      readFacts(body, placed, previous);
      for (let i = Math.max(before, 1); i < placed.length; i++) if (later(placed[i - 1]!, placed[i]!)) ordered = false;
      previous = placed[placed.length - 1];
      if (placed.length === before) previous = undefined;
      r.pos = end;
    }
    if (release) this.arena.free(p);
    // Slot entries are written when their patient is stored, after the entries added meanwhile.
    if (!ordered) placed.sort((a, b) => a.seq - b.seq || a.sub - b.sub);
    return placed.map((x) => x.fact);
  }
}
