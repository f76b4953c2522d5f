// Reads a SAS XPORT v5 library (SAS TS-140) from bytes. A malformed file gives one issue that
// names the byte offset, the 80-byte record (from 1) and the rule broken, never a guess.
import { fail, type Issue, type IssueParams, issue, ok, type Result } from '../../domain/result.ts';
import { readIbm } from './ibm-float.ts';
import { sasMissing, type XptDataset, type XptLibrary, type XptValue, type XptVariable } from './model.ts';
import { readNamestr } from './namestr.ts';
import { asciiAt, HeaderKind, headerStart, namestrSize, padded, recordOf, recordSize, shortNamestrSize, v8LibraryStart } from './records.ts';
import { type Encoding, decodeText } from './text-codec.ts';

export interface ReadOptions {
  readonly encoding?: Encoding;
}

/** A located failure inside the reader; turned into an Issue at the top. */
class Malformed extends Error {
  readonly code: string;
  readonly params: IssueParams;
  constructor(code: string, offset: number, params: IssueParams = {}) {
    super(code);
    this.code = code;
    this.params = { offset, record: recordOf(offset), ...params };
  }
}

function expectHeader(bytes: Uint8Array, offset: number, kind: HeaderKind): void {
  if (offset + recordSize > bytes.length) throw new Malformed('xpt_truncated', offset, { expected: kind.trim() });
  const found = asciiAt(bytes, offset, 48);
  if (found === v8LibraryStart) throw new Malformed('xpt_version', offset);
  if (found !== headerStart(kind)) throw new Malformed('xpt_header_expected', offset, { expected: kind.trim(), found: found.replace(/[^\x20-\x7e]/g, '?') });
}

function decodeAt(bytes: Uint8Array, start: number, end: number, encoding: Encoding): string {
  try {
    return decodeText(bytes, start, end, encoding);
  } catch {
    throw new Malformed('xpt_encoding', start, { encoding });
  }
}

function readVariables(bytes: Uint8Array, start: number, count: number, size: number, encoding: Encoding) {
  if (start + count * size > bytes.length) throw new Malformed('xpt_truncated', start, { expected: 'NAMESTR' });
  const variables: XptVariable[] = [];
  const positions: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = start + i * size;
    let raw: ReturnType<typeof readNamestr>;
    try {
      raw = readNamestr(bytes, at, encoding);
    } catch {
      throw new Malformed('xpt_encoding', at, { encoding });
    }
    if (raw.ntype !== 1 && raw.ntype !== 2) throw new Malformed('xpt_namestr_type', at, { variable: i + 1, value: raw.ntype });
    const numeric = raw.ntype === 1;
    if (numeric ? raw.length < 2 || raw.length > 8 : raw.length < 1)
      throw new Malformed('xpt_namestr_length', at + 4, { variable: i + 1, name: raw.name, value: raw.length, type: numeric ? 'num' : 'char' });
    if (raw.position < 0) throw new Malformed('xpt_namestr_position', at + 84, { variable: i + 1, name: raw.name, value: raw.position });
    positions.push(raw.position);
    variables.push({
      name: raw.name,
      label: raw.label,
      type: numeric ? 'num' : 'char',
      length: raw.length,
      ...(raw.format ? { format: raw.format } : {}),
      ...(raw.informat ? { informat: raw.informat } : {}),
    });
  }
  // Variables share no bytes of an observation (SAS lays them end to end).
  const order = positions.map((_, i) => i).sort((a, b) => positions[a]! - positions[b]!);
  for (let k = 1; k < order.length; k++) {
    const [before, i] = [order[k - 1]!, order[k]!];
    if (positions[i]! < positions[before]! + variables[before]!.length)
      throw new Malformed('xpt_namestr_overlap', start + i * size + 84, { variable: i + 1, name: variables[i]!.name, other: variables[before]!.name });
  }
  return { variables, positions };
}

/** Where a member's observations end: the next member header, or the end of the file. */
function dataEnd(bytes: Uint8Array, start: number): number {
  const member = headerStart(HeaderKind.member);
  for (let at = start; at + recordSize <= bytes.length; at += recordSize) {
    // "HEADER R" is rare in data; compare the whole 48 characters only when the first byte matches.
    if (bytes[at] === 0x48 && asciiAt(bytes, at, 48) === member) return at;
  }
  return bytes.length;
}

function readRows(bytes: Uint8Array, start: number, end: number, variables: XptVariable[], positions: number[], width: number, encoding: Encoding) {
  let count = width === 0 ? 0 : Math.floor((end - start) / width);
  // The last record is padded with blanks; with observations shorter than 80 bytes that padding
  // can look like whole observations. TS-140 leaves this open: a trailing all-blank observation
  // that starts inside the last record is padding (a genuine one there cannot be told apart).
  const isBlank = (r: number) => bytes.subarray(start + r * width, start + (r + 1) * width).every((b) => b === 0x20);
  while (count > 0 && start + (count - 1) * width > end - recordSize && isBlank(count - 1)) count--;
  const rows: XptValue[][] = new Array(count);
  const number = new Uint8Array(8);
  for (let r = 0; r < count; r++) {
    const base = start + r * width;
    const row: XptValue[] = new Array(variables.length);
    for (let c = 0; c < variables.length; c++) {
      const v = variables[c]!;
      const at = base + positions[c]!;
      if (v.type === 'char') row[c] = decodeAt(bytes, at, at + v.length, encoding);
      else {
        let source = bytes;
        let offset = at;
        if (v.length < 8) {
          number.fill(0);
          number.set(bytes.subarray(at, at + v.length));
          source = number;
          offset = 0;
        }
        const value = readIbm(source, offset);
        if (value === null) throw new Malformed('xpt_number', at, { row: r + 1, variable: v.name, bytes: hex(bytes.subarray(at, at + v.length)) });
        row[c] = typeof value === 'number' ? value : sasMissing[value];
      }
    }
    rows[r] = row;
  }
  return rows;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

function readMember(bytes: Uint8Array, start: number, encoding: Encoding): { dataset: XptDataset; end: number } {
  expectHeader(bytes, start, HeaderKind.member);
  const size = Number(asciiAt(bytes, start + 74, 4));
  if (size !== namestrSize && size !== shortNamestrSize) throw new Malformed('xpt_namestr_size', start + 74, { value: asciiAt(bytes, start + 74, 4) });
  expectHeader(bytes, start + 80, HeaderKind.descriptor);
  const d1 = start + 160;
  if (d1 + 2 * recordSize > bytes.length) throw new Malformed('xpt_truncated', d1, { expected: 'DSCRPTR' });
  if (asciiAt(bytes, d1, 8) !== 'SAS     ' || asciiAt(bytes, d1 + 16, 8) !== 'SASDATA ')
    throw new Malformed('xpt_descriptor', d1, { found: asciiAt(bytes, d1, 24).replace(/[^\x20-\x7e]/g, '?') });
  const d2 = d1 + recordSize;
  const name = asciiAt(bytes, d1 + 8, 8).trimEnd();
  const header = {
    name,
    sasVersion: asciiAt(bytes, d1 + 24, 8).trimEnd(),
    os: asciiAt(bytes, d1 + 32, 8).trimEnd(),
    created: asciiAt(bytes, d1 + 64, 16),
    modified: asciiAt(bytes, d2, 16),
    label: decodeAt(bytes, d2 + 32, d2 + 72, encoding),
    type: asciiAt(bytes, d2 + 72, 8).trimEnd(),
  };
  const n = d2 + recordSize;
  expectHeader(bytes, n, HeaderKind.namestr);
  const countText = asciiAt(bytes, n + 54, 4);
  if (!/^\d{4}$/.test(countText)) throw new Malformed('xpt_namestr_count', n + 54, { value: countText });
  const count = Number(countText);
  const { variables, positions } = readVariables(bytes, n + recordSize, count, size, encoding);
  const obsHeader = n + recordSize + padded(count * size);
  expectHeader(bytes, obsHeader, HeaderKind.obs);
  const width = variables.reduce((w, v, i) => Math.max(w, positions[i]! + v.length), 0);
  const start2 = obsHeader + recordSize;
  const end = dataEnd(bytes, start2);
  const rows = readRows(bytes, start2, end, variables, positions, width, encoding);
  return { dataset: { ...header, variables, rows }, end };
}

/** The library in `bytes`, or one issue naming where and why the file is not XPORT v5. */
export function readXpt(bytes: Uint8Array, options: ReadOptions = {}): Result<XptLibrary> {
  const encoding = options.encoding ?? 'utf-8';
  try {
    expectHeader(bytes, 0, HeaderKind.library);
    if (bytes.length % recordSize !== 0) throw new Malformed('xpt_not_records', bytes.length - (bytes.length % recordSize), { size: bytes.length });
    if (bytes.length < 3 * recordSize) throw new Malformed('xpt_truncated', 80, { expected: 'LIBRARY' });
    if (asciiAt(bytes, 80, 24) !== 'SAS     SAS     SASLIB  ') throw new Malformed('xpt_library', 80, { found: asciiAt(bytes, 80, 24).replace(/[^\x20-\x7e]/g, '?') });
    const library = {
      sasVersion: asciiAt(bytes, 104, 8).trimEnd(),
      os: asciiAt(bytes, 112, 8).trimEnd(),
      created: asciiAt(bytes, 144, 16),
      modified: asciiAt(bytes, 160, 16),
    };
    const datasets: XptDataset[] = [];
    let at = 3 * recordSize;
    while (at < bytes.length) {
      const { dataset, end } = readMember(bytes, at, encoding);
      datasets.push(dataset);
      at = end;
    }
    return ok({ ...library, datasets });
  } catch (error) {
    if (error instanceof Malformed) return fail(issue([], error.code, error.params) as Issue);
    throw error;
  }
}
