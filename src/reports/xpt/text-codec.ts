// Text in XPORT files is bytes in the writing session's encoding; the format does not record
// which. Lengths are in bytes, so a value's length is measured after encoding. UTF-8 is the
// default (SAS's encoding for Unicode sessions, and plain ASCII, as in the CDISC pilot, is valid
// UTF-8); latin1 reads and writes files from single-byte Western sessions.

export const encodings = ['utf-8', 'latin1'] as const;
export type Encoding = (typeof encodings)[number];

const utf8 = new TextEncoder();
const decoders: Record<Encoding, TextDecoder> = {
  'utf-8': new TextDecoder('utf-8', { fatal: true }),
  latin1: new TextDecoder('latin1'),
};

/** The bytes of `text`, or null when the encoding cannot represent it (latin1 above U+00FF). */
export function encodeText(text: string, encoding: Encoding): Uint8Array | null {
  const length = byteLength(text, encoding);
  if (length === null) return null;
  const out = new Uint8Array(length);
  writeText(out, 0, text, encoding);
  return out;
}

/**
 * How many bytes `text` takes, or null when the encoding cannot represent it. Counted without
 * encoding: this runs once per character value of a data set.
 */
export function byteLength(text: string, encoding: Encoding): number | null {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (encoding === 'latin1') {
      if (code > 0xff) return null;
      bytes += 1;
    } else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3; // including a lone surrogate, which UTF-8 writes as U+FFFD
  }
  return bytes;
}

/** Writes `text` (already measured with byteLength) at `offset`. */
export function writeText(out: Uint8Array, offset: number, text: string, encoding: Encoding): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && encoding === 'utf-8') {
      utf8.encodeInto(text.slice(i), out.subarray(offset + i));
      return;
    }
    out[offset + i] = code;
  }
}

/**
 * The text of `bytes[start..end)` without its trailing blanks (SAS pads with spaces; some writers
 * pad with NULs). Throws a TypeError when the bytes are not valid in the encoding (UTF-8 only).
 */
export function decodeText(bytes: Uint8Array, start: number, end: number, encoding: Encoding): string {
  let stop = end;
  while (stop > start && (bytes[stop - 1] === 0x20 || bytes[stop - 1] === 0)) stop--;
  let ascii = true;
  for (let i = start; i < stop; i++) {
    if (bytes[i]! > 0x7f) {
      ascii = false;
      break;
    }
  }
  // Short ASCII fields are the bulk of SDTM data: building the string avoids TextDecoder's call
  // cost and a view per field.
  if (ascii) return String.fromCharCode.apply(null, bytes.subarray(start, stop) as unknown as number[]);
  return decoders[encoding].decode(bytes.subarray(start, stop));
}

/** Space-padded ASCII field for header text (names, versions, headers): `text` is ASCII already. */
export function writeAscii(out: Uint8Array, offset: number, width: number, text: string): void {
  for (let i = 0; i < width; i++) out[offset + i] = i < text.length ? text.charCodeAt(i) : 0x20;
}
