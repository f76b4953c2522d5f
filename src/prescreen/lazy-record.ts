// A patient's record decoded kind by kind, as screening asks for it. Nine patients in ten are
// excluded by their first criteria (age, glucocorticoid dose), which read the patient's own fields
// and medications only: their results and answers, most of the state, need never be decoded. The
// record's arrays are filled in place, so an evaluation context made before a kind is decoded sees
// it afterwards (makeContext copies the record's fields, not its arrays).
import type { PatientRecord } from '../domain/eligibility/patient-record.ts';
import { addFacts, emptyRecord } from '../fhir/record-builder.ts';
import { allKinds, kindBit } from './fact-codec.ts';
import type { PrescreenState } from './state.ts';

const patientBit = kindBit('patient');

export class LazyRecord {
  readonly record: PatientRecord = emptyRecord();
  private decoded = patientBit;

  constructor(
    private readonly state: PrescreenState,
    private readonly p: number,
  ) {
    addFacts(this.record, state.facts(p, false, patientBit));
    // As bundleToRecord: a record without a Patient resource is known by its reference.
    const key = state.key(p);
    if (this.record.id === undefined && key.startsWith('Patient/')) this.record.id = key.slice('Patient/'.length);
  }

  /** Decodes the kinds of fact in `kinds` (kindBit mask) not decoded yet. */
  need(kinds: number): void {
    const missing = kinds & ~this.decoded;
    if (missing === 0) return;
    addFacts(this.record, this.state.facts(this.p, false, missing));
    this.decoded |= missing;
  }

  /** Every kind decoded: the record as recordOf gives it. */
  whole(): PatientRecord {
    this.need(allKinds);
    return this.record;
  }
}
