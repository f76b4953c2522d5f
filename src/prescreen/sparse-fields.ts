// The fields the sparse reader builds (sparse-json.ts), compiled for matching keys by their bytes,
// and the stores that put a read value on its object.
import type { Fields } from '../fhir/resource-fields.ts';

/** A field of an object node: its name, its bytes, and its own node (null: the whole value). */
export interface Entry {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly node: FieldNode | null;
  readonly next: Entry | undefined;
  /** The last short ASCII string read for this field: most fields repeat from line to line. */
  last: string;
}

/**
 * A key met in an object of a node, listed (`field`) or not, and the key that followed it last
 * time: the lines of an export repeat their keys in one order, so the next key is usually known
 * and is checked by its bytes alone.
 */
export interface Key {
  readonly bytes: Uint8Array;
  readonly field: Entry | undefined;
  after: Key | undefined;
}

/** Keys not listed, remembered per node for the prediction (a bound: data may hold any keys). */
const unlistedKept = 32;

/** Fields compiled for matching keys by their bytes: a small hash table by length and end bytes. */
export class FieldNode {
  readonly table: (Entry | undefined)[] = new Array(64).fill(undefined);
  /** The key of each listed field, and the unlisted keys met so far. */
  readonly keys = new Map<Entry, Key>();
  readonly unlisted: Key[] = [];
  /** The first key of this node's object last time. */
  first: Key | undefined;
}

/** The key at bytes [start, end) of an object of `node`: its field if listed, remembered if not. */
export function keyOf(node: FieldNode, b: Uint8Array, start: number, end: number): Key | undefined {
  const field = find(node, b, start, end);
  if (field !== undefined) return node.keys.get(field);
  for (const k of node.unlisted) if (sameKey(k.bytes, b, start, end)) return k;
  if (node.unlisted.length >= unlistedKept) return undefined;
  const k: Key = { bytes: Uint8Array.prototype.slice.call(b, start, end), field: undefined, after: undefined };
  node.unlisted.push(k);
  return k;
}

function sameKey(k: Uint8Array, b: Uint8Array, start: number, end: number): boolean {
  if (k.length !== end - start) return false;
  for (let j = 0; j < k.length; j++) if (b[start + j] !== k[j]) return false;
  return true;
}

/** Whether the key expected is at `from` (just after the opening quote), closing quote included. */
export function isKeyAt(k: Key, b: Uint8Array, from: number, e: number): boolean {
  const bytes = k.bytes;
  const n = bytes.length;
  if (from + n >= e || b[from + n] !== 0x22) return false;
  for (let j = 0; j < n; j++) if (b[from + j] !== bytes[j]) return false;
  return true;
}

const keyHash = (length: number, first: number, last: number) => (length * 7 + first * 3 + last) & 63;

const compiled = new WeakMap<object, FieldNode>();

export function compile(fields: Exclude<Fields, true>): FieldNode {
  const known = compiled.get(fields);
  if (known) return known;
  const node = new FieldNode();
  // Registered before its children, so that nested fields (questionnaire items) can name it.
  compiled.set(fields, node);
  for (const [name, sub] of Object.entries(fields)) {
    const bytes = Buffer.from(name, 'latin1');
    const h = keyHash(bytes.length, bytes[0] ?? 0, bytes[bytes.length - 1] ?? 0);
    const field: Entry = { name, bytes, node: sub === true ? null : compile(sub), next: node.table[h], last: '' };
    node.table[h] = field;
    node.keys.set(field, { bytes, field, after: undefined });
  }
  return node;
}

// A store `o[name] = v` with ever-changing names is a megamorphic keyed store, measured at ~25 ns; a
// store to a named property in a switch case is several times cheaper. Names not listed here take the
// keyed store: slower, never wrong.
export function setField(o: Record<string, unknown>, name: string, v: unknown): void {
  switch (name) {
    case 'value': o.value = v; return;
    case 'unit': o.unit = v; return;
    case 'code': o.code = v; return;
    case 'system': o.system = v; return;
    case 'reference': o.reference = v; return;
    case 'coding': o.coding = v; return;
    case 'id': o.id = v; return;
    case 'status': o.status = v; return;
    case 'subject': o.subject = v; return;
    case 'effectiveDateTime': o.effectiveDateTime = v; return;
    case 'valueQuantity': o.valueQuantity = v; return;
    case 'referenceRange': o.referenceRange = v; return;
    case 'low': o.low = v; return;
    case 'high': o.high = v; return;
    case 'linkId': o.linkId = v; return;
    case 'answer': o.answer = v; return;
    case 'valueBoolean': o.valueBoolean = v; return;
    case 'valueInteger': o.valueInteger = v; return;
    case 'item': o.item = v; return;
    case 'questionnaire': o.questionnaire = v; return;
    case 'authored': o.authored = v; return;
    case 'comparator': o.comparator = v; return;
    case 'text': o.text = v; return;
    case 'display': o.display = v; return;
    case 'type': o.type = v; return;
    case 'clinicalStatus': o.clinicalStatus = v; return;
    case 'verificationStatus': o.verificationStatus = v; return;
    case 'onsetDateTime': o.onsetDateTime = v; return;
    case 'recordedDate': o.recordedDate = v; return;
    case 'onsetPeriod': o.onsetPeriod = v; return;
    case 'start': o.start = v; return;
    case 'end': o.end = v; return;
    case 'medicationCodeableConcept': o.medicationCodeableConcept = v; return;
    case 'medicationReference': o.medicationReference = v; return;
    case 'effectivePeriod': o.effectivePeriod = v; return;
    case 'dosage': o.dosage = v; return;
    case 'doseAndRate': o.doseAndRate = v; return;
    case 'doseQuantity': o.doseQuantity = v; return;
    case 'timing': o.timing = v; return;
    case 'repeat': o.repeat = v; return;
    case 'frequency': o.frequency = v; return;
    case 'period': o.period = v; return;
    case 'periodUnit': o.periodUnit = v; return;
    case 'birthDate': o.birthDate = v; return;
    case 'gender': o.gender = v; return;
    case 'performedDateTime': o.performedDateTime = v; return;
    case 'performedPeriod': o.performedPeriod = v; return;
    case 'valueCodeableConcept': o.valueCodeableConcept = v; return;
    case 'valueString': o.valueString = v; return;
    case 'valueRatio': o.valueRatio = v; return;
    case 'numerator': o.numerator = v; return;
    case 'denominator': o.denominator = v; return;
    case 'component': o.component = v; return;
    case 'dataAbsentReason': o.dataAbsentReason = v; return;
    case 'effectiveInstant': o.effectiveInstant = v; return;
    case 'issued': o.issued = v; return;
    case 'patient': o.patient = v; return;
    case 'contained': o.contained = v; return;
    default:
      o[name] = v;
  }
}

/** The field whose key is bytes [start, end), if listed. */
export function find(node: FieldNode, b: Uint8Array, start: number, end: number): Entry | undefined {
  const n = end - start;
  if (n === 0) return undefined;
  for (let f = node.table[keyHash(n, b[start]!, b[end - 1]!)]; f !== undefined; f = f.next) {
    const k = f.bytes;
    if (k.length !== n) continue;
    let j = 0;
    while (j < n && b[start + j] === k[j]) j++;
    if (j === n) return f;
  }
  return undefined;
}
