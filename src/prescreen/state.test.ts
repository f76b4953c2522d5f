import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { evaluateProtocol } from '../domain/eligibility/evaluate.ts';
import type { Protocol } from '../domain/protocol/schema.ts';
import { loadProtocol } from '../protocols/load.ts';
import { protocolNeeds } from './needs.ts';
import { recordOf } from './prescreen.ts';
import { PrescreenState } from './state.ts';
import { SCREENING, scenario } from './test-support.ts';

const load = (id: string): Protocol => {
  const p = loadProtocol(id);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
};

/** Results as they are written out: JSON drops fields set to undefined. */
const json = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('the streaming reducer', () => {
  for (const id of ['hn2301', 'example-with-exclusions']) {
    it(`keeps every fact ${id}'s evaluation can pick: same result as the whole record`, () => {
      const protocol = load(id);
      fc.assert(
        fc.property(scenario, ({ record, resources }) => {
          const state = new PrescreenState(protocolNeeds(protocol), SCREENING);
          for (const [i, facts] of resources.entries()) state.add('Patient/x', i + 1, facts);
          const reduced = recordOf(state, 0);
          assert.deepEqual(json(evaluateProtocol(protocol, reduced, SCREENING)), json(evaluateProtocol(protocol, record, SCREENING)));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('keeps each patient apart when their resources interleave and their states move and compact', () => {
    const protocol = load('hn2301');
    const scenarios = fc.sample(scenario, { numRuns: 80, seed: 42 });
    const state = new PrescreenState(protocolNeeds(protocol), SCREENING, { chunkBits: 10 });
    // Round-robin over the patients, one resource each, so every add switches patient.
    let seq = 0;
    for (let round = 0; scenarios.some((s) => round < s.resources.length); round++) {
      for (const [i, s] of scenarios.entries()) if (round < s.resources.length) state.add(`Patient/p${i}`, ++seq, s.resources[round]!.map((f) => (f.kind === 'patient' ? { ...f, id: `p${i}` } : f)));
    }
    for (const [i, s] of scenarios.entries()) {
      const p = state.keys.indexOf(`Patient/p${i}`);
      const expected = evaluateProtocol(protocol, { ...s.record, id: `p${i}` }, SCREENING);
      assert.deepEqual(json(evaluateProtocol(protocol, recordOf(state, p, true), SCREENING)), json(expected));
    }
  });

  it('keeps less than it reads', () => {
    const protocol = load('hn2301');
    const state = new PrescreenState(protocolNeeds(protocol), SCREENING);
    fc.assert(
      fc.property(scenario, ({ resources }) => {
        for (const [i, facts] of resources.entries()) state.add(`Patient/${i % 3}`, i + 1, facts);
      }),
      { numRuns: 50 },
    );
    assert.ok(state.dropped > 0 && state.kept > 0);
  });

  it('creates a patient on first sight, whichever resource comes first', () => {
    const state = new PrescreenState(protocolNeeds(load('hn2301')), SCREENING);
    state.add('Patient/b', 1, [{ kind: 'condition', fact: { kind: 'sle', onset: '2020-01-01', active: true, source: 'Condition/1' } }]);
    state.add('Patient/a', 2, [{ kind: 'patient', id: 'a', sex: 'female' }]);
    state.add('Patient/b', 3, [{ kind: 'patient', id: 'b', birthDate: '1990-05-01', sex: 'female' }]);
    assert.deepEqual(state.keys, ['Patient/b', 'Patient/a']);
    const b = recordOf(state, 0);
    assert.equal(b.birthDate, '1990-05-01');
    assert.equal(b.conditions.length, 1);
    assert.equal(recordOf(state, 1).sex, 'female');
  });
});
