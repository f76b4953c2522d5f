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
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }
  if (encoding === 'utf-8') return utf8.encode(text);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return null;
    out[i] = code;
  }
  return out;
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
  // Short ASCII fields are the bulk of SDTM data: fromCharCode avoids TextDecoder's call cost.
  if (ascii && stop - start <= 4096) return String.fromCharCode.apply(null, bytes.subarray(start, stop) as unknown as number[]);
  return decoders[encoding].decode(bytes.subarray(start, stop));
}

/** Space-padded ASCII field for header text (names, versions, headers): `text` is ASCII already. */
export function writeAscii(out: Uint8Array, offset: number, width: number, text: string): void {
  for (let i = 0; i < width; i++) out[offset + i] = i < text.length ? text.charCodeAt(i) : 0x20;
}
