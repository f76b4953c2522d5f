// Collects facts into a PatientRecord. The bundle adapter uses it for one bundle; the bulk
// pre-screener uses it per patient as facts stream in.
import type { PatientRecord } from '../domain/eligibility/patient-record.ts';
import type { Fact } from './fact.ts';

export function emptyRecord(): PatientRecord {
  return { observations: [], conditions: [], medications: [], procedures: [], answers: [] };
}

/** Appends facts in order; a Patient fact sets id, birth date and sex (a later one wins). */
export function addFacts(record: PatientRecord, facts: readonly Fact[]): void {
  for (const f of facts) {
    switch (f.kind) {
      case 'patient':
        if (f.id !== undefined) record.id = f.id;
        if (f.birthDate !== undefined) record.birthDate = f.birthDate;
        if (f.sex !== undefined) record.sex = f.sex;
        break;
      case 'observation':
        record.observations.push(f.fact);
        break;
      case 'condition':
        record.conditions.push(f.fact);
        break;
      case 'medication':
        record.medications.push(f.fact);
        break;
      case 'procedure':
        record.procedures.push(f.fact);
        break;
      case 'answer':
        record.answers.push(f.fact);
        break;
    }
  }
}
