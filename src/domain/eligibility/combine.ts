// Combining results of a rule's parts with Kleene's logic (tri.ts). A combined result keeps the
// evidence of every part, explains itself by the part that decided it, and lists what is missing
// only while it is unknown: once a result is settled, no further test can change it, so nothing
// is asked for (a coordinator should not chase a test that cannot matter).
// Plain loops rather than flatMap/filter/map: this runs for every node of every criterion of every
// patient of a pre-screen, and the array builtins with callbacks cost several times more (measured).
import { DecidedCode, notMeasuredCodes } from './codes.ts';
import type { Evidence, Missing, NodeResult } from './criterion-result.ts';
import { Tri, triNot } from './tri.ts';

/** Past this many items a map of items is cheaper than comparing each item with those kept. */
const scanMax = 32;

/**
 * Drops items equal to an earlier one (the same fact reached by two parts is shown once). Equal
 * items have equal keys, and a key starts with the item's `item` then a NUL: two items whose `item`
 * differ (and hold no NUL) cannot be equal, so keys are made only for items that share their `item`
 * with an earlier one (evidence keys cost more than the rest of a combine, measured). `items` is a
 * fresh array the caller gives up.
 */
function dedupe<T extends { readonly item: string }>(items: T[], keyOf: (item: T) => string): T[] {
  if (items.length < 2) return items;
  if (items.length > scanMax) return dedupeByItem(items, keyOf);
  const out: T[] = [];
  for (const x of items) {
    if (typeof x.item !== 'string' || x.item.includes('\u0000')) return dedupeByKey(items, keyOf);
    let key: string | undefined;
    let seen = false;
    for (const y of out) {
      if (y.item !== x.item) continue;
      key ??= keyOf(x);
      if (keyOf(y) === key) {
        seen = true;
        break;
      }
    }
    if (!seen) out.push(x);
  }
  return out;
}

function dedupeByItem<T extends { readonly item: string }>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const byItem = new Map<string, T[]>();
  const out: T[] = [];
  for (const x of items) {
    if (typeof x.item !== 'string' || x.item.includes('\u0000')) return dedupeByKey(items, keyOf);
    const same = byItem.get(x.item);
    if (same === undefined) byItem.set(x.item, [x]);
    else {
      const key = keyOf(x);
      if (same.some((y) => keyOf(y) === key)) continue;
      same.push(x);
    }
    out.push(x);
  }
  return out;
}

function dedupeByKey<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Keys over every field, cheaper than JSON.stringify on the pre-screening hot path.
const evidenceKey = (e: Evidence) => `${e.item}\u0000${String(e.value)}\u0000${typeof e.value}\u0000${e.unit}\u0000${e.date}\u0000${e.source}\u0000${e.compared}`;
const missingKey = (m: Missing) => `${m.item}\u0000${m.code}\u0000${m.params === undefined ? '' : JSON.stringify(m.params)}`;

/** The empty list a result without evidence or missing items shares (results are never changed). */
const none: readonly never[] = Object.freeze([]);

function evidenceOf(parts: readonly NodeResult[]): readonly Evidence[] {
  let all: Evidence[] | undefined;
  for (const p of parts) {
    if (p.evidence.length === 0) continue;
    all ??= [];
    for (const e of p.evidence) all.push(e);
  }
  return all === undefined ? none : dedupe(all, evidenceKey);
}

function missingOf(parts: readonly NodeResult[]): Missing[] {
  const all: Missing[] = [];
  for (const p of parts) if (p.status === Tri.unknown) for (const m of p.missing) all.push(m);
  return dedupe(all, missingKey);
}

function first(parts: readonly NodeResult[], status: Tri): NodeResult {
  for (const p of parts) if (p.status === status) return p;
  // The callers ask only for a status they found among the parts.
  throw new Error(`no part is ${status}`);
}

function settle(status: Tri, parts: readonly NodeResult[], reason: NodeResult['reason']): NodeResult {
  return { status, reason, evidence: evidenceOf(parts), missing: status === Tri.unknown ? missingOf(parts) : none };
}

/**
 * triAnd (decisive not met, else met) or triOr (decisive met, else not met) of the parts' statuses,
 * read in place rather than mapped to an array first: `decisive` as soon as one part is, else
 * unknown when one part is, else `otherwise`.
 */
function kleene(parts: readonly NodeResult[], decisive: Tri, otherwise: Tri): Tri {
  let status = otherwise;
  for (const p of parts) {
    if (p.status === decisive) return decisive;
    if (p.status === Tri.unknown) status = Tri.unknown;
  }
  return status;
}

/** `all`: not met as soon as one part is not met (its reason), whatever the unknowns. */
export function combineAll(parts: readonly NodeResult[]): NodeResult {
  const status = kleene(parts, Tri.notMet, Tri.met);
  if (status === Tri.met && parts.length !== 1) return settle(status, parts, { code: DecidedCode.allMet, params: { count: parts.length } });
  return settle(status, parts, first(parts, status).reason);
}

/** `any`: met as soon as one part is met (its reason). */
export function combineAny(parts: readonly NodeResult[]): NodeResult {
  const status = kleene(parts, Tri.met, Tri.notMet);
  if (status === Tri.notMet && parts.length !== 1) return settle(status, parts, { code: DecidedCode.noneMet, params: { count: parts.length } });
  return settle(status, parts, first(parts, status).reason);
}

export function combineNot(part: NodeResult): NodeResult {
  return { status: triNot(part.status), reason: part.reason, evidence: part.evidence, missing: part.missing };
}

/** A part is "not measured" when it is unknown only because no result lies in the window. */
const notMeasured = (p: NodeResult): boolean =>
  p.status === Tri.unknown && p.missing.length > 0 && p.missing.every((m) => notMeasuredCodes.includes(m.code));

/**
 * `each-measured` (I10 default): every measured part holds and at least `minMeasured` parts were
 * measured. A part measured but unreadable (unknown unit, no ULN) is not skipped: its value could
 * be out of range, so the node stays unknown until it is read.
 */
export function combineEachMeasured(parts: readonly NodeResult[], minMeasured: number): NodeResult {
  if (parts.some((p) => p.status === Tri.notMet)) return settle(Tri.notMet, parts, first(parts, Tri.notMet).reason);
  const unreadable = parts.filter((p) => p.status === Tri.unknown && !notMeasured(p));
  const measured = parts.filter((p) => p.status === Tri.met).length;
  if (unreadable.length === 0 && measured >= minMeasured)
    return settle(Tri.met, parts, { code: DecidedCode.eachMeasuredMet, params: { measured, minMeasured, parts: parts.length } });
  const deciding = unreadable[0] ?? parts.find((p) => p.status === Tri.unknown);
  return settle(Tri.unknown, parts, deciding?.reason ?? { code: DecidedCode.noneMeasured, params: { measured, minMeasured, parts: parts.length } });
}
