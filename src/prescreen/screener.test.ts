// The Screener's rows are evaluateProtocol's rows: criteria evaluated without evidence, on a record
// decoded kind by kind after its context was made, in the order the run has learnt, stopping at the
// first criterion not met, for generated patients (test-support.ts) under HN2301 and the example
// protocol with exclusions. Generated patients nearly never pass all 15 HN2301 criteria, so
// protocols of a few of their criteria are screened too, to reach eligible and undetermined rows.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { Eligibility } from '../domain/eligibility/criterion-result.ts';
import { evaluateProtocol } from '../domain/eligibility/evaluate.ts';
import type { Protocol } from '../domain/protocol/schema.ts';
import { loadProtocol } from '../protocols/load.ts';
import { LazyRecord } from './lazy-record.ts';
import { protocolNeeds } from './needs.ts';
import { RowInterner, toRow } from './rank.ts';
import { Screener } from './screener.ts';
import { PrescreenState } from './state.ts';
import { SCREENING, scenario } from './test-support.ts';

const load = (id: string): Protocol => {
  const loaded = loadProtocol(id);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
};

for (const id of ['hn2301', 'example-with-exclusions']) {
  it(`${id}: a screened patient's row is the row of evaluateProtocol on the same record`, () => {
    const whole = load(id);
    // One screener per protocol for the whole run, as prescreen has: its order changes as it learns.
    const screeners = new Map<string, { protocol: Protocol; screener: Screener }>();
    const screenerOf = (picked: readonly number[]) => {
      const key = picked.join(',');
      let s = screeners.get(key);
      if (s === undefined) {
        const protocol = { ...whole, criteria: picked.map((i) => whole.criteria[i]!) };
        s = { protocol, screener: new Screener(protocol, SCREENING) };
        screeners.set(key, s);
      }
      return s;
    };
    const everyCriterion = whole.criteria.map((_, i) => i);
    const picks = fc.oneof(fc.constant(everyCriterion), fc.subarray(everyCriterion, { minLength: 1, maxLength: 3 }));
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(scenario, picks, fc.boolean(), ({ record, resources }, picked, all) => {
        const { protocol, screener } = screenerOf(picked);
        const state = new PrescreenState(protocolNeeds(protocol), SCREENING);
        for (const [i, facts] of resources.entries()) state.add('Patient/x', i + 1, facts);
        const lazy = new LazyRecord(state, 0);
        const screened = screener.screen(lazy, all);
        const expected = evaluateProtocol(protocol, lazy.whole(), SCREENING);
        const interner = new RowInterner();
        assert.equal(screened.eligible, expected.eligible);
        outcomes.add(`${all} ${screened.eligible}`);
        if (!all && expected.eligible === Eligibility.no) return;
        assert.ok('criteria' in screened);
        assert.deepEqual(toRow('x', screened, interner), toRow('x', expected, interner));
        // The record decoded from the state is the generated one: the rows are about this patient.
        assert.deepEqual(expected, evaluateProtocol(protocol, record, SCREENING));
      }),
      { numRuns: 400 },
    );
    assert.equal(outcomes.size, 6, [...outcomes].join(', '));
  });
}
