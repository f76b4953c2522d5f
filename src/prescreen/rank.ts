// One row per patient and the candidate ranking: eligible first, then undetermined by how few
// items are missing (the patients a coordinator can settle with the fewest tests), then not
// eligible; patient id breaks ties so the order is reproducible. Rows keep only counts and
// interned strings: with 100,000 patients they stay a few MB.
import { Eligibility, type Missing } from '../domain/eligibility/criterion-result.ts';
import { Tri } from '../domain/eligibility/tri.ts';

export interface PrescreenRow {
  readonly patient: string;
  readonly eligible: Eligibility;
  readonly met: number;
  readonly notMet: number;
  readonly unknown: number;
  /** Ids of the criteria not met: why the patient is not eligible. */
  readonly notMetCriteria: readonly string[];
  /** Ids of the criteria still unknown. */
  readonly unknownCriteria: readonly string[];
  /** What would settle the unknowns, as `item:code` (`anc:result_too_old`), each once. */
  readonly missing: readonly string[];
  /** Resources about this patient that could not be read: the result may lack their facts. */
  readonly dataIssues: number;
}

const none: readonly string[] = Object.freeze([]);

/** A list's place in the interner's tree: the list of the items on the path to it. */
interface ListNode {
  list?: readonly string[];
  readonly next: Map<string, ListNode>;
}

/**
 * Shares equal strings and lists between rows (criterion ids, missing items recur for thousands).
 * Lists are found item by item in a tree, with no key text made per row; `item:code` texts are
 * found by their two parts, so a row makes no string it already holds.
 */
export class RowInterner {
  private readonly strings = new Map<string, string>();
  private readonly lists: ListNode = { next: new Map() };
  private readonly pairs = new Map<string, Map<string, string>>();

  string(s: string): string {
    const held = this.strings.get(s);
    if (held !== undefined) return held;
    this.strings.set(s, s);
    return s;
  }

  /** `${item}:${code}`, interned. */
  pair(item: string, code: string): string {
    let byCode = this.pairs.get(item);
    if (byCode === undefined) {
      byCode = new Map();
      this.pairs.set(item, byCode);
    }
    let held = byCode.get(code);
    if (held === undefined) {
      held = this.string(`${item}:${code}`);
      byCode.set(code, held);
    }
    return held;
  }

  list(items: readonly string[]): readonly string[] {
    if (items.length === 0) return none;
    let node = this.lists;
    for (const item of items) {
      let next = node.next.get(item);
      if (next === undefined) {
        next = { next: new Map() };
        node.next.set(item, next);
      }
      node = next;
    }
    node.list ??= Object.freeze(items.map((i) => this.string(i)));
    return node.list;
  }
}

/** What a row is made of: a ScreeningResult, or the Screener's statuses (screener.ts). */
export interface RowSource {
  readonly eligible: Eligibility;
  readonly criteria: ReadonlyArray<{ readonly id: string; readonly status: Tri; readonly missing: readonly Missing[] }>;
}

export function toRow(patient: string, result: RowSource, interner: RowInterner, dataIssues = 0): PrescreenRow {
  const notMet: string[] = [];
  const unknown: string[] = [];
  const missing = new Set<string>();
  let met = 0;
  for (const c of result.criteria) {
    if (c.status === Tri.met) met++;
    else if (c.status === Tri.notMet) notMet.push(c.id);
    else {
      unknown.push(c.id);
      for (const m of c.missing) missing.add(interner.pair(m.item, m.code));
    }
  }
  return {
    patient,
    eligible: result.eligible,
    met,
    notMet: notMet.length,
    unknown: unknown.length,
    notMetCriteria: interner.list(notMet),
    unknownCriteria: interner.list(unknown),
    missing: interner.list([...missing]),
    dataIssues,
  };
}

const order: Record<Eligibility, number> = { [Eligibility.yes]: 0, [Eligibility.undetermined]: 1, [Eligibility.no]: 2 };

export function compareRows(a: PrescreenRow, b: PrescreenRow): number {
  return (
    order[a.eligible] - order[b.eligible] ||
    (a.eligible === Eligibility.undetermined ? a.missing.length - b.missing.length || a.unknown - b.unknown : 0) ||
    (a.eligible === Eligibility.no ? a.notMet - b.notMet : 0) ||
    (a.patient < b.patient ? -1 : a.patient > b.patient ? 1 : 0)
  );
}

export const rankRows = (rows: PrescreenRow[]): PrescreenRow[] => rows.sort(compareRows);
