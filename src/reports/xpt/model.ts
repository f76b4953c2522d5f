// The in-memory form of a SAS XPORT v5 library: what the file holds, field by field, so that a
// file read and written again gives the same bytes. Character values are kept without the
// trailing blanks that pad them (SAS ignores them), numbers as doubles, missing values as codes.
import { type MissingCode, missingCodes } from './ibm-float.ts';

/** A SAS missing value: `.` ordinary, `_` or `A`–`Z` special (`.A`). */
export interface SasMissing {
  readonly missing: MissingCode;
}

/** One shared object per code, so that values compare with `===` as well as deepEqual. */
export const sasMissing: Readonly<Record<MissingCode, SasMissing>> = Object.freeze(
  Object.fromEntries(missingCodes.map((code) => [code, Object.freeze({ missing: code })])) as Record<MissingCode, SasMissing>,
);

export const isSasMissing = (value: unknown): value is SasMissing =>
  typeof value === 'object' && value !== null && typeof (value as SasMissing).missing === 'string';

export type XptValue = string | number | SasMissing;

export const VariableType = { char: 'char', num: 'num' } as const;
export type VariableType = (typeof VariableType)[keyof typeof VariableType];

/** A SAS format as the NAMESTR holds it (`DATE9.` is name DATE, width 9, decimals 0). */
export interface XptFormat {
  readonly name: string;
  readonly width: number;
  readonly decimals: number;
  /** 0 left, 1 right (NAMESTR nfj); informats have none. */
  readonly justify: number;
}

export interface XptVariable {
  readonly name: string;
  readonly label: string;
  readonly type: VariableType;
  /** Bytes in each observation: 1–200 for char, 2–8 for num. */
  readonly length: number;
  readonly format?: XptFormat;
  readonly informat?: XptFormat;
}

export interface XptDataset {
  readonly name: string;
  readonly label: string;
  /** The SAS data set type (usually blank). */
  readonly type: string;
  /** Header datetimes as written, `ddMMMyy:hh:mm:ss` (see header-datetime.ts). */
  readonly created: string;
  readonly modified: string;
  readonly sasVersion: string;
  readonly os: string;
  readonly variables: readonly XptVariable[];
  readonly rows: readonly (readonly XptValue[])[];
}

export interface XptLibrary {
  readonly sasVersion: string;
  readonly os: string;
  readonly created: string;
  readonly modified: string;
  readonly datasets: readonly XptDataset[];
}

/** What this software writes in the headers' SAS version and operating system fields. */
export const defaultSasVersion = '9.4';
export const defaultOs = 'NODEJS';
