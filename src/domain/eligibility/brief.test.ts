// A context that does not explain (makeContext's `explain` false, what pre-screening rows use) gives
// every criterion the status, reason code and missing items the explaining evaluation gives, under
// every switch reading, for generated records near every threshold (arbitraries.ts).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { example, hn2301 } from '../../protocols/test-support.ts';
import { patientRecord, SCREENING } from './arbitraries.ts';
import { makeContext } from './context.ts';
import { evaluateCriterion } from './evaluate.ts';
import { PatientRecord } from './patient-record.ts';
import { withSwitch } from './test-support.ts';

const protocols = [
  hn2301,
  withSwitch(hn2301, 'coagulation', 'both'),
  withSwitch(hn2301, 'coagulation', 'either'),
  withSwitch(hn2301, 'zero-steroid-with-immunosuppressant', 'not-eligible'),
  withSwitch(hn2301, 'hcq-counts-as-agent', 'no'),
  withSwitch(hn2301, 'hcq-counts-as-agent', 'hcq-or-two-immunosuppressants'),
  example,
];

it('an unexplained evaluation decides every criterion as the explained one, missing items included', () => {
  const statuses = new Set<string>();
  fc.assert(
    fc.property(patientRecord, fc.constantFrom(...protocols), fc.constantFrom(SCREENING, '2026-02-29', '2025-12-31'), (input, protocol, asOf) => {
      const record = PatientRecord.parse(input);
      const explained = makeContext(protocol, record, asOf);
      const brief = makeContext(protocol, record, asOf, false);
      for (const c of protocol.criteria) {
        const full = evaluateCriterion(explained, c);
        const short = evaluateCriterion(brief, c);
        statuses.add(`${c.id} ${full.status}`);
        assert.equal(short.status, full.status, c.id);
        assert.equal(short.reason.code, full.reason.code, c.id);
        assert.deepEqual(short.missing, full.missing, c.id);
        if (full.status === 'unknown') assert.deepEqual(short.reason, full.reason, c.id);
      }
    }),
    { numRuns: 600 },
  );
  // The generated records reach each outcome of most criteria, so the comparison means something.
  assert.ok(statuses.size > 40, `only ${statuses.size} criterion outcomes reached`);
});
