// Generators for the reducer's property tests: the eligibility arbitraries (arbitraries.ts), with
// date-times added so that results on one day differ by time or tie exactly, and facts interleaved
// into resources as an export has them (answers of one response together).
import fc from 'fast-check';
import { patientRecord, SCREENING } from '../domain/eligibility/arbitraries.ts';
import { PatientRecord } from '../domain/eligibility/patient-record.ts';
import type { Fact } from '../fhir/fact.ts';

export { SCREENING };

const times = ['', '', 'T08:00:00+08:00', 'T08:00:00Z', 'T23:59', 'T08:00:00.250-05:00'];

/** A date, sometimes made a date-time (the arbitraries give dates only). */
const timed = (date: string, pick: number) => `${date}${times[pick % times.length]}`;

/** A record and the resources (lists of facts) that carry it, in export order. */
export interface Scenario {
  readonly record: PatientRecord;
  readonly resources: readonly (readonly Fact[])[];
}

export const scenario: fc.Arbitrary<Scenario> = fc
  .tuple(patientRecord, fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), fc.array(fc.nat({ max: 3 }), { minLength: 64, maxLength: 64 }))
  .map(([input, picks, groups]) => {
    let k = 0;
    const pick = () => picks[k++ % picks.length]!;
    const r = PatientRecord.parse(input);
    const record: PatientRecord = {
      ...r,
      id: 'x',
      observations: r.observations.map((o) => ({ ...o, date: timed(o.date, pick()) })),
      answers: r.answers.map((a) => (a.date === undefined ? a : { ...a, date: timed(a.date, pick()) })),
    };
    const patient: Fact = { kind: 'patient', id: 'x', ...(record.birthDate && { birthDate: record.birthDate }), ...(record.sex && { sex: record.sex }) };
    const singles: Fact[][] = [
      ...record.observations.map((fact): Fact[] => [{ kind: 'observation', fact }]),
      ...record.conditions.map((fact): Fact[] => [{ kind: 'condition', fact }]),
      ...record.medications.map((fact): Fact[] => [{ kind: 'medication', fact }]),
      ...record.procedures.map((fact): Fact[] => [{ kind: 'procedure', fact }]),
    ];
    // Answers come in responses of one to four items.
    const answers: Fact[][] = [];
    for (let i = 0; i < record.answers.length; ) {
      const size = 1 + groups[answers.length % groups.length]!;
      answers.push(record.answers.slice(i, i + size).map((fact): Fact => ({ kind: 'answer', fact })));
      i += size;
    }
    // Interleave kinds by the picks while keeping each kind's own order (the record's order).
    const queues = [singles.filter((s) => s[0]!.kind === 'observation'), singles.filter((s) => s[0]!.kind === 'condition'), singles.filter((s) => s[0]!.kind === 'medication'), singles.filter((s) => s[0]!.kind === 'procedure'), answers];
    const resources: Fact[][] = [[patient]];
    while (queues.some((q) => q.length > 0)) {
      const live = queues.filter((q) => q.length > 0);
      resources.push(live[pick() % live.length]!.shift()!);
    }
    return { record, resources };
  });
