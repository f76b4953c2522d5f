// The SDTM datasets as FirstDose builds them, before any file format: a dataset is its metadata
// (the SDTMIG 3.4 variables it keeps, in the IG's order, with labels, types and origins) and its
// rows. CSV, Dataset-JSON, define.xml and XPT are all written from this one model.

/** SDTM variable types (SDTMIG "Type" column). */
export type SdtmType = 'Char' | 'Num';

/** SDTMIG core designation. */
export type Core = 'Req' | 'Exp' | 'Perm';

/** Define-XML 2.1 origin types. */
export type OriginType = 'Collected' | 'Derived' | 'Assigned' | 'Protocol' | 'Predecessor';

export interface VariableSpec {
  readonly name: string;
  readonly label: string;
  readonly type: SdtmType;
  readonly role: string;
  readonly core: Core;
  readonly origin: OriginType;
  /** The codelist (ct.ts) whose terms the values are, when controlled. */
  readonly codelist?: string;
  /** A method (methods.ts) when the origin is Derived. */
  readonly method?: string;
  /** Integers (--SEQ, --DY, AGE) versus other numbers, for Dataset-JSON and define.xml. */
  readonly integer?: boolean;
  /** ISO 8601 date/time variables (--DTC, RF*DTC). */
  readonly iso8601?: boolean;
}

export interface DomainSpec {
  /** Dataset name (AE, SUPPAE); the file is its lower case. */
  readonly name: string;
  /** Domain abbreviation (AE for SUPPAE too). */
  readonly domain: string;
  readonly label: string;
  /** SDTM class as Define-XML names it: EVENTS, FINDINGS, INTERVENTIONS, SPECIAL PURPOSE, TRIAL DESIGN, RELATIONSHIP. */
  readonly class: string;
  readonly structure: string;
  readonly keys: readonly string[];
  readonly variables: readonly VariableSpec[];
}

export type Value = string | number | null;
export type Row = Readonly<Record<string, Value>>;

export interface Dataset {
  readonly spec: DomainSpec;
  readonly rows: readonly Row[];
}

/** Something the export could not map cleanly (a term outside the codelist, an unknown test): shown, never hidden. */
export interface ExportNote {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The values of one row in the dataset's variable order (missing keys are null). */
export function rowValues(spec: DomainSpec, row: Row): Value[] {
  return spec.variables.map((v) => row[v.name] ?? null);
}

/** Bytes a character value takes in UTF-8: what XPT and define.xml lengths count. */
export const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Length of each character variable as SAS sets it for a submission: the longest value, at
 * least 1 (the CDISC pilot does the same: AEDECOD has length 1 when every value is blank).
 */
export function characterLengths(dataset: Dataset): Map<string, number> {
  const lengths = new Map<string, number>();
  for (const v of dataset.spec.variables) {
    if (v.type !== 'Char') continue;
    let max = 1;
    for (const row of dataset.rows) {
      const value = row[v.name];
      if (typeof value === 'string') max = Math.max(max, byteLength(value));
    }
    lengths.set(v.name, max);
  }
  return lengths;
}
