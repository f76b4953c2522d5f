import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { gradeRunner } from './test-support.ts';
import { type CrsInput, crsScore, gradeCrs, Hypotension, OxygenSupport } from './crs.ts';

const { run, grade } = gradeRunner(crsScore);

describe('ASTCT 2019 CRS worked cases (domain.md §7)', () => {
  it('R1: 38.4 °C, normal BP, room air → 1', () => {
    assert.equal(grade({ feverC: 38.4, hypotension: 'none', oxygen: 'none' }), 1);
  });
  it('R2: 38.9 °C, normal BP, O₂ 2 L/min nasal cannula → 2', () => {
    assert.equal(grade({ feverC: 38.9, hypotension: 'none', oxygen: 'low-flow' }), 2);
  });
  it("R3 [ASTCT's own example, Lee 2019]: 39.5 °C, one vasopressor, low-flow O₂ → 3", () => {
    assert.equal(grade({ feverC: 39.5, hypotension: 'one-vasopressor', oxygen: 'low-flow' }), 3);
  });
  it('R4: 39.0 °C, norepinephrine + vasopressin (one vasopressor), O₂ 4 L/min → 3', () => {
    assert.equal(grade({ feverC: 39.0, hypotension: 'one-vasopressor', oxygen: 'low-flow' }), 3);
  });
  it('R5: 38.5 °C, norepinephrine + phenylephrine (multiple vasopressors) → 4', () => {
    assert.equal(grade({ feverC: 38.5, hypotension: 'multiple-vasopressors', oxygen: 'none' }), 4);
  });
  it('R6: afebrile after tocilizumab, hypotension responding to IV fluids → 2', () => {
    const r = run({ feverC: 37.1, antiCytokineGiven: true, hypotension: 'fluids', oxygen: 'none' });
    assert.equal(r.grade, 2);
    assert.ok(r.codes?.includes('crs.fever-not-required-after-treatment'));
    assert.equal(grade({ antiCytokineGiven: true, hypotension: 'fluids', oxygen: 'none' }), 2);
  });
  it('R7: 37.8 °C, no tocilizumab, normal BP, room air → 0 (not CRS)', () => {
    assert.equal(grade({ feverC: 37.8, hypotension: 'none', oxygen: 'none' }), 0);
  });
});

describe('ASTCT 2019 CRS rules', () => {
  it('fever starts at exactly 38.0 °C', () => {
    assert.equal(grade({ feverC: 38.0, hypotension: 'none', oxygen: 'none' }), 1);
    assert.equal(grade({ feverC: 37.99, hypotension: 'none', oxygen: 'none' }), 0);
  });
  it('without fever and without treatment, hypotension or hypoxia is not CRS, and the explanation says why', () => {
    const r = run({ feverC: 37.5, hypotension: 'multiple-vasopressors', oxygen: 'positive-pressure' });
    assert.equal(r.grade, 0);
    assert.deepEqual(r.codes, ['crs.no-fever', 'crs.no-fever-no-treatment']);
    assert.equal(grade({ hypotension: 'fluids', oxygen: 'low-flow' }), 0);
  });
  it('after anti-cytokine treatment with no fever, hypotension or hypoxia → 0', () => {
    const r = run({ feverC: 36.9, antiCytokineGiven: true, hypotension: 'none', oxygen: 'none' });
    assert.equal(r.grade, 0);
    assert.equal(r.codes?.at(-1), 'crs.no-findings-after-treatment');
  });
  it('fever after treatment still counts as grade 1', () => {
    assert.equal(grade({ feverC: 38.2, antiCytokineGiven: true, hypotension: 'none', oxygen: 'none' }), 1);
  });
  it('each hypotension and oxygen level on its own', () => {
    const h: Record<Hypotension, number> = { none: 1, fluids: 2, 'one-vasopressor': 3, 'multiple-vasopressors': 4 };
    const o: Record<OxygenSupport, number> = { none: 1, 'low-flow': 2, 'high-flow': 3, 'positive-pressure': 4 };
    for (const [hypotension, g] of Object.entries(h)) assert.equal(grade({ feverC: 39, hypotension, oxygen: 'none' }), g, hypotension);
    for (const [oxygen, g] of Object.entries(o)) assert.equal(grade({ feverC: 39, hypotension: 'none', oxygen }), g, oxygen);
  });
});

describe('ASTCT 2019 CRS properties', () => {
  const hypotensions = Object.values(Hypotension);
  const oxygens = Object.values(OxygenSupport);
  const input = fc.record({
    feverC: fc.option(fc.double({ min: 35, max: 42, noNaN: true }), { nil: undefined }),
    antiCytokineGiven: fc.option(fc.boolean(), { nil: undefined }),
    hypotension: fc.constantFrom(...hypotensions),
    oxygen: fc.constantFrom(...oxygens),
  });
  const at = (i: CrsInput) => gradeCrs(i).output.grade;

  it('grade is monotone in hypotension and in oxygen support', () => {
    fc.assert(
      fc.property(input, (i) => {
        const h = hypotensions.indexOf(i.hypotension);
        const o = oxygens.indexOf(i.oxygen);
        const worseH = hypotensions[h + 1];
        const worseO = oxygens[o + 1];
        if (worseH) assert.ok(at({ ...i, hypotension: worseH }) >= at(i));
        if (worseO) assert.ok(at({ ...i, oxygen: worseO }) >= at(i));
      }),
    );
  });
  it('grade is 0-4, 0 without fever and treatment, and never lower with treatment', () => {
    fc.assert(
      fc.property(input, (i) => {
        const g = at(i);
        assert.ok(Number.isInteger(g) && g >= 0 && g <= 4);
        if ((i.feverC === undefined || i.feverC < 38) && !i.antiCytokineGiven) assert.equal(g, 0);
        assert.ok(at({ ...i, antiCytokineGiven: true }) >= g);
      }),
    );
  });
});

describe('ASTCT 2019 CRS input errors name the field', () => {
  const good = { feverC: 38.5, hypotension: 'none', oxygen: 'none' };
  it('an impossible temperature', () => {
    assert.deepEqual(run({ ...good, feverC: 60 }).issues, [{ path: ['feverC'], code: 'out_of_range', params: { value: 60, minimum: 25, maximum: 45 } }]);
  });
  it('an unknown hypotension level, a missing oxygen level, an unknown field', () => {
    assert.deepEqual(run({ ...good, hypotension: 'pressors' }).issues?.[0]?.path, ['hypotension']);
    // zod reports a missing enum as an invalid option; src/domain/validation.ts maps it to invalid_choice.
    assert.deepEqual(run({ feverC: 38.5, hypotension: 'none' }).issues?.map((i) => i.path), [['oxygen']]);
    assert.deepEqual(run({ ...good, feverF: 101 }).issues, [{ path: ['feverF'], code: 'unknown_field', params: {} }]);
    assert.deepEqual(run({ ...good, antiCytokineGiven: 'yes' }).issues?.[0]?.path, ['antiCytokineGiven']);
  });
});
