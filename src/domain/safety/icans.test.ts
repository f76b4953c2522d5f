import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { gradeRunner } from './test-support.ts';
import { CerebralEdema, Consciousness, gradeIcans, type IcansInput, icansScore, iceGrade, Seizure } from './icans.ts';

const { run, grade } = gradeRunner(icansScore);

describe('ASTCT 2019 ICANS worked cases (domain.md §7)', () => {
  it('N1: ICE 3 + 3 + 1 + 0 + 1 = 8, awake → 1', () => {
    assert.equal(grade({ ice: 3 + 3 + 1 + 0 + 1, consciousness: 'awake' }), 1);
  });
  it('N2 [ASTCT example, Lee 2019]: ICE 3 and a generalised seizure that resolved rapidly → 3', () => {
    assert.equal(grade({ ice: 3, consciousness: 'awake', seizure: 'rapid' }), 3);
  });
  it('N3: ICE 0, awake, global aphasia → 3', () => {
    assert.equal(grade({ ice: 0, consciousness: 'awake' }), 3);
  });
  it('N4: unarousable, cannot do ICE → 4', () => {
    const r = run({ consciousness: 'unarousable' });
    assert.equal(r.grade, 4);
    assert.ok(r.codes?.includes('icans.ice-not-possible-unarousable'));
    assert.equal(grade({ ice: 0, consciousness: 'unarousable' }), 4);
  });
  it('N5: ICE 10, awakens spontaneously → 0 (no ICANS)', () => {
    assert.equal(grade({ ice: 10, consciousness: 'awake' }), 0);
  });
});

describe('ASTCT 2019 ICANS domains', () => {
  it('ICE bounds: 10 → 0, 9 and 7 → 1, 6 and 3 → 2, 2 and 0 → 3', () => {
    const expected = [3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 0];
    for (let ice = 0; ice <= 10; ice++) {
      assert.equal(iceGrade(ice), expected[ice], `ICE ${ice}`);
      assert.equal(grade({ ice, consciousness: 'awake' }), expected[ice]);
    }
  });
  it('consciousness: voice 2, tactile 3, unarousable 4', () => {
    assert.equal(grade({ ice: 10, consciousness: 'voice' }), 2);
    assert.equal(grade({ ice: 10, consciousness: 'tactile' }), 3);
    assert.equal(grade({ ice: 10, consciousness: 'unarousable' }), 4);
  });
  it('seizure rapid 3, prolonged 4; motor weakness 4; focal oedema 3, diffuse 4', () => {
    assert.equal(grade({ ice: 10, consciousness: 'awake', seizure: 'prolonged' }), 4);
    assert.equal(grade({ ice: 10, consciousness: 'awake', seizure: 'none' }), 0);
    assert.equal(grade({ ice: 10, consciousness: 'awake', motorWeakness: true }), 4);
    assert.equal(grade({ ice: 10, consciousness: 'awake', motorWeakness: false }), 0);
    assert.equal(grade({ ice: 10, consciousness: 'awake', edema: 'focal' }), 3);
    assert.equal(grade({ ice: 10, consciousness: 'awake', edema: 'diffuse' }), 4);
  });
  it('without an ICE score the other domains grade, and the explanation says ICE was not assessed', () => {
    const r = run({ consciousness: 'voice' });
    assert.equal(r.grade, 2);
    assert.equal(r.codes?.[0], 'icans.ice-not-assessed');
    assert.equal(grade({ consciousness: 'awake' }), 0);
  });
});

describe('ASTCT 2019 ICANS properties', () => {
  const input = fc.record({
    ice: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    consciousness: fc.constantFrom(...Object.values(Consciousness)),
    seizure: fc.option(fc.constantFrom(...Object.values(Seizure)), { nil: undefined }),
    motorWeakness: fc.option(fc.boolean(), { nil: undefined }),
    edema: fc.option(fc.constantFrom(...Object.values(CerebralEdema)), { nil: undefined }),
  });
  const at = (i: IcansInput) => gradeIcans(i).output.grade;

  it('grade never falls as ICE falls, whatever the other domains', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (i, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        assert.ok(at({ ...i, ice: low }) >= at({ ...i, ice: high }));
      }),
    );
  });
  it('grade is the maximum over domains, 0-4, and an unarousable patient is always grade 4', () => {
    fc.assert(
      fc.property(input, (i) => {
        const g = at(i);
        assert.ok(Number.isInteger(g) && g >= 0 && g <= 4);
        if (i.consciousness === 'unarousable' || i.motorWeakness || i.seizure === 'prolonged' || i.edema === 'diffuse') assert.equal(g, 4);
        if (i.ice !== undefined && i.consciousness !== 'unarousable') assert.ok(g >= iceGrade(i.ice));
      }),
    );
  });
});

describe('ASTCT 2019 ICANS input errors name the field', () => {
  it('ICE 11, ICE 7.5, ICE -1', () => {
    assert.deepEqual(run({ ice: 11, consciousness: 'awake' }).issues, [{ path: ['ice'], code: 'too_big', params: { maximum: 10, inclusive: true } }]);
    assert.deepEqual(run({ ice: 7.5, consciousness: 'awake' }).issues, [{ path: ['ice'], code: 'not_integer', params: {} }]);
    assert.deepEqual(run({ ice: -1, consciousness: 'awake' }).issues?.[0]?.path, ['ice']);
  });
  it('missing consciousness, unknown seizure kind, unknown field', () => {
    assert.deepEqual(run({ ice: 8 }).issues?.map((i) => i.path), [['consciousness']]);
    assert.deepEqual(run({ ice: 8, consciousness: 'awake', seizure: 'generalised' }).issues?.[0]?.path, ['seizure']);
    assert.deepEqual(run({ ice: 8, consciousness: 'awake', tremor: true }).issues, [{ path: ['tremor'], code: 'unknown_field', params: {} }]);
  });
});
