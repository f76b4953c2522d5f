// The fixed parts of a SAS XPORT v5 file (SAS TS-140): everything is in 80-byte records, and each
// section starts with a header record of the form
// `HEADER RECORD*******<KIND>  HEADER RECORD!!!!!!!<30 digits>  `.

export const recordSize = 80;
export const namestrSize = 140;
/** VAX/VMS wrote 136-byte NAMESTRs; the member header says which (TS-140). */
export const shortNamestrSize = 136;
export const maxCharLength = 200;
export const maxLabelBytes = 40;
export const maxNameLength = 8;

export const HeaderKind = {
  library: 'LIBRARY ',
  member: 'MEMBER  ',
  descriptor: 'DSCRPTR ',
  namestr: 'NAMESTR ',
  obs: 'OBS     ',
} as const;
export type HeaderKind = (typeof HeaderKind)[keyof typeof HeaderKind];

const prefix = 'HEADER RECORD*******';
const middle = 'HEADER RECORD!!!!!!!';
const zeros30 = '0'.repeat(30);

/** The 80 characters of a header record. `digits` (30) are all zeros except for members and NAMESTRs. */
export function headerRecord(kind: HeaderKind, digits: string = zeros30): string {
  return `${prefix}${kind}${middle}${digits}  `;
}

/** The member header: 160-byte descriptor, NAMESTR size 140. */
export const memberDigits = '000000000000000001600000000140';

/** The NAMESTR header carries the number of variables in columns 55–58. */
export function namestrDigits(count: number): string {
  return `000000${String(count).padStart(4, '0')}${'0'.repeat(20)}`;
}

/** The first 48 characters of a header record of this kind, what a reader checks. */
export function headerStart(kind: HeaderKind): string {
  return `${prefix}${kind}${middle}`;
}

/** The first 48 characters of SAS V8/V9 XPORT (the CPORT-free "extended" format), which this module does not read. */
export const v8LibraryStart = `${prefix}LIBV8   ${middle}`;

/** Bytes of `text` at `offset` as ASCII (header fields are ASCII by definition). */
export function asciiAt(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode.apply(null, bytes.subarray(offset, offset + length) as unknown as number[]);
}

export const recordOf = (offset: number) => Math.floor(offset / recordSize) + 1;

/** Rounds a byte count up to whole 80-byte records. */
export const padded = (bytes: number) => Math.ceil(bytes / recordSize) * recordSize;
