// Properties across the definitions: DORIS remission is stricter than LLDAS on every criterion
// both share (domain.md §4.8 thresholds: LLDAS ≤ 7.5 mg, DORIS ≤ 5 mg; PGA ≤ 1 vs < 0.5;
// SLEDAI-2K ≤ 4 without major organs vs clinical SLEDAI-2K 0).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { serologicSledai2kItems, sledai2kItems } from '../sledai2k.ts';
import { type DorisInput, evaluateDoris } from './doris.ts';
import { evaluateLldas } from './lldas.ts';

const items = fc.oneof(fc.subarray([...serologicSledai2kItems]), fc.subarray(sledai2kItems, { maxLength: 4 }));
const pga = fc.oneof(fc.constantFrom(0, 0.49, 0.5, 1, 1.01), fc.integer({ min: 0, max: 300 }).map((h) => h / 100));
const prednisone = fc.oneof(fc.constantFrom(0, 4.99, 5, 5.01, 7.5, 7.51), fc.double({ min: 0, max: 20, noNaN: true }));
const dorisInput = fc.record({
  sledai2k: fc.record({ items }),
  pga,
  prednisoneMgPerDay: prednisone,
  prednisoneBound: fc.constantFrom('at-most-5' as const, 'below-5' as const),
  immunosuppressantsStable: fc.boolean(),
  biologicsStable: fc.boolean(),
});

const dorisOutput = (input: DorisInput) => {
  const r = evaluateDoris(input);
  assert.ok(r.ok);
  return r.value.output;
};

describe('DORIS and LLDAS agree (properties)', () => {
  it('DORIS met ⇒ the LLDAS SLEDAI-2K, major-organ, PGA and prednisone criteria are met', () => {
    let remissions = 0;
    fc.assert(
      fc.property(dorisInput, (input) => {
        if (!dorisOutput(input).met) return;
        remissions++;
        const l = evaluateLldas({
          sledai2k: input.sledai2k,
          pga: input.pga,
          prednisoneMgPerDay: input.prednisoneMgPerDay,
          newFeatures: false,
          immunosuppressantsStandardDose: true,
        });
        assert.ok(l.ok);
        for (const code of ['sledai2k-above-4', 'major-organ-activity', 'pga-above-1', 'prednisone-above-7.5'] as const)
          assert.ok(!l.value.output.failed.includes(code), `${code} for ${JSON.stringify(input)}`);
      }),
      { numRuns: 2000 },
    );
    assert.ok(remissions > 50, `too few remissions generated (${remissions}) for the property to mean much`);
  });

  it('"below-5" is stricter than "at-most-5", and drug-free stricter than plain DORIS', () => {
    fc.assert(
      fc.property(dorisInput, fc.boolean(), fc.boolean(), (input, onIs, onBio) => {
        if (dorisOutput({ ...input, prednisoneBound: 'below-5' }).met) assert.equal(dorisOutput({ ...input, prednisoneBound: 'at-most-5' }).met, true);
        if (dorisOutput({ ...input, drugFree: true, onImmunosuppressants: onIs, onBiologics: onBio }).met) assert.equal(dorisOutput(input).met, true);
      }),
      { numRuns: 1000 },
    );
  });

  it('met exactly when nothing failed, for both', () => {
    fc.assert(
      fc.property(dorisInput, fc.boolean(), (input, newFeatures) => {
        const d = dorisOutput(input);
        assert.equal(d.met, d.failed.length === 0);
        const l = evaluateLldas({ ...input, newFeatures, immunosuppressantsStandardDose: input.immunosuppressantsStable });
        assert.ok(l.ok);
        assert.equal(l.value.output.met, l.value.output.failed.length === 0);
        assert.equal(new Set(l.value.output.failed).size, l.value.output.failed.length);
      }),
    );
  });
});
