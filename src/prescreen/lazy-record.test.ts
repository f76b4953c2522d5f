import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { evaluateCriterion } from '../domain/eligibility/evaluate.ts';
import { makeContext } from '../domain/eligibility/context.ts';
import type { PatientRecord } from '../domain/eligibility/patient-record.ts';
import type { Protocol } from '../domain/protocol/schema.ts';
import { addFacts, emptyRecord } from '../fhir/record-builder.ts';
import { loadProtocol } from '../protocols/load.ts';
import { kindBit } from './fact-codec.ts';
import { LazyRecord } from './lazy-record.ts';
import { protocolNeeds, ruleKinds } from './needs.ts';
import { PrescreenState } from './state.ts';
import { SCREENING, scenario } from './test-support.ts';

const load = (id: string): Protocol => {
  const p = loadProtocol(id);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
};
const json = (x: unknown) => JSON.parse(JSON.stringify(x));

/** The record with only the facts of the kinds in `kinds` (the patient's own fields always). */
function only(record: PatientRecord, kinds: number): PatientRecord {
  const has = (k: Parameters<typeof kindBit>[0]) => (kinds & kindBit(k)) !== 0;
  return {
    ...record,
    observations: has('observation') ? record.observations : [],
    conditions: has('condition') ? record.conditions : [],
    medications: has('medication') ? record.medications : [],
    procedures: has('procedure') ? record.procedures : [],
    answers: has('answer') ? record.answers : [],
  };
}

describe('records decoded kind by kind', () => {
  for (const id of ['hn2301', 'example-with-exclusions']) {
    it(`each ${id} criterion reads only the kinds ruleKinds gives it`, () => {
      const protocol = load(id);
      fc.assert(
        fc.property(scenario, ({ record }) => {
          const full = makeContext(protocol, record, SCREENING);
          for (const c of protocol.criteria) {
            const part = makeContext(protocol, only(record, ruleKinds(c.rule)), SCREENING);
            assert.deepEqual(json(evaluateCriterion(part, c)), json(evaluateCriterion(full, c)), c.id);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('decodes to the record of all its facts, whatever kinds are asked for first', () => {
    const protocol = load('hn2301');
    fc.assert(
      fc.property(scenario, fc.array(fc.nat({ max: 63 }), { maxLength: 4 }), ({ resources }, asks) => {
        const state = new PrescreenState(protocolNeeds(protocol), SCREENING);
        for (const [i, facts] of resources.entries()) state.add('Patient/x', i + 1, facts);
        const expected = emptyRecord();
        addFacts(expected, state.facts(0));
        expected.id ??= 'x';
        const lazy = new LazyRecord(state, 0);
        const context = makeContext(protocol, lazy.record, SCREENING);
        for (const kinds of asks) lazy.need(kinds);
        assert.deepEqual(lazy.whole(), expected);
        // A context made before the facts were decoded sees them.
        assert.deepEqual(context.record.observations, expected.observations);
      }),
      { numRuns: 200 },
    );
  });
});
