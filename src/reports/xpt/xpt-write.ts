// Writes a SAS XPORT v5 library (SAS TS-140) to bytes: the library header, then per member its
// headers, one 140-byte NAMESTR per variable and the observations, each section padded with
// blanks to whole 80-byte records. Pure: the header datetimes come from the library model.
import { fail, ok, type Result } from '../../domain/result.ts';
import { writeIbm, writeMissing } from './ibm-float.ts';
import { isSasMissing, type XptDataset, type XptLibrary } from './model.ts';
import { writeNamestr } from './namestr.ts';
import { HeaderKind, headerRecord, memberDigits, namestrDigits, namestrSize, padded, recordSize } from './records.ts';
import { type Encoding, encodeText, writeAscii, writeText } from './text-codec.ts';
import { checkLibrary } from './xpt-check.ts';

export interface WriteOptions {
  readonly encoding?: Encoding;
}

const observationLength = (d: XptDataset) => d.variables.reduce((n, v) => n + v.length, 0);

function memberSize(d: XptDataset): number {
  return 5 * recordSize + padded(d.variables.length * namestrSize) + recordSize + padded(d.rows.length * observationLength(d));
}

function writeMember(out: Uint8Array, start: number, d: XptDataset, encoding: Encoding): number {
  let at = start;
  const line = (text: string) => {
    writeAscii(out, at, recordSize, text);
    at += recordSize;
  };
  line(headerRecord(HeaderKind.member, memberDigits));
  line(headerRecord(HeaderKind.descriptor));
  line(`SAS     ${d.name.padEnd(8)}SASDATA ${d.sasVersion.padEnd(8)}${d.os.padEnd(8)}${' '.repeat(24)}${d.created}`);
  writeAscii(out, at, recordSize, `${d.modified}${' '.repeat(16)}`);
  out.set(encodeText(d.label, encoding)!, at + 32);
  writeAscii(out, at + 72, 8, d.type);
  at += recordSize;
  line(headerRecord(HeaderKind.namestr, namestrDigits(d.variables.length)));

  let position = 0;
  d.variables.forEach((v, i) => {
    writeNamestr(out, at + i * namestrSize, v, i + 1, position, encoding);
    position += v.length;
  });
  const namestrEnd = at + d.variables.length * namestrSize;
  at += padded(d.variables.length * namestrSize);
  out.fill(0x20, namestrEnd, at);
  line(headerRecord(HeaderKind.obs));

  const width = observationLength(d);
  const dataEnd = at + padded(d.rows.length * width);
  // Blanks first: they pad character values and the last record.
  out.fill(0x20, at, dataEnd);
  const number = new Uint8Array(8);
  const variables = d.variables;
  for (const row of d.rows) {
    let field = at;
    // Plain loops: a closure per observation costs more than the writing itself.
    for (let c = 0; c < variables.length; c++) {
      const v = variables[c]!;
      const value = row[c]!;
      if (v.type === 'char') writeText(out, field, value as string, encoding);
      else {
        const target = v.length === 8 ? out : number;
        const offset = v.length === 8 ? field : 0;
        if (isSasMissing(value)) writeMissing(value.missing, target, offset);
        else writeIbm(value as number, target, offset);
        // A shorter numeric keeps the first bytes of the IBM double, as SAS stores it.
        if (v.length < 8) out.set(number.subarray(0, v.length), field);
      }
      field += v.length;
    }
    at += width;
  }
  return dataEnd;
}

/** The XPORT bytes of `library`, or every reason it cannot be written (paths into the library). */
export function writeXpt(library: XptLibrary, options: WriteOptions = {}): Result<Uint8Array> {
  const encoding = options.encoding ?? 'utf-8';
  const issues = checkLibrary(library, encoding);
  if (issues.length > 0) return fail(...issues);
  const out = new Uint8Array(3 * recordSize + library.datasets.reduce((n, d) => n + memberSize(d), 0));
  writeAscii(out, 0, recordSize, headerRecord(HeaderKind.library));
  writeAscii(out, 80, recordSize, `SAS     SAS     SASLIB  ${library.sasVersion.padEnd(8)}${library.os.padEnd(8)}${' '.repeat(24)}${library.created}`);
  writeAscii(out, 160, recordSize, library.modified);
  let at = 3 * recordSize;
  for (const dataset of library.datasets) at = writeMember(out, at, dataset, encoding);
  return ok(out);
}
