import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { convert, valueIn } from './quantity.ts';
import { units } from './unit-table.ts';

const to = (value: number, unit: string, target: string, analyte?: 'creatinine' | 'bilirubin' | 'hemoglobin') => {
  const r = valueIn({ value, unit }, target, analyte ? { analyte } : {});
  assert.ok(r.ok, `conversion ${unit} → ${target} failed`);
  return r.value;
};

describe('unit conversion (shared/domain/domain.md §6.3)', () => {
  it('converts haemoglobin between g/dL, g/L and mmol/L', () => {
    assert.equal(to(8.0, 'g/dL', 'g/L'), 80);
    assert.equal(to(0.9, 'g/dL', 'g/L'), 9);
    assert.equal(to(85, 'g/L', 'g/dL'), 8.5);
    assert.equal(to(8.0, 'g/dL', 'mmol/L', 'hemoglobin'), 4.9648);
  });

  it('converts creatinine and bilirubin with the tabulated factors', () => {
    assert.equal(to(1.0, 'mg/dL', 'umol/L', 'creatinine'), 88.4);
    assert.equal(to(88.4, 'µmol/L', 'mg/dL', 'creatinine'), 1);
    assert.equal(to(34.2, 'µmol/L', 'mg/dL', 'bilirubin'), 2);
    assert.equal(to(51.3, 'umol/L', 'mg/dL', 'bilirubin'), 3);
    assert.equal(to(2.0, 'mg/dL', 'µmol/L', 'bilirubin'), 34.2);
  });

  it('treats 10^9/L, 10^3/µL, /mm³ and cells/µL as the same count scale', () => {
    assert.equal(to(1500, 'cells/µL', '10*9/L'), 1.5);
    assert.equal(to(800, '/mm3', '10*9/L'), 0.8);
    assert.equal(to(1.5, '10^3/uL', '10*9/L'), 1.5);
    assert.equal(to(0.8, '10*9/L', '/uL'), 800);
    assert.equal(to(100, '10*9/L', '/mm³'), 100000);
  });

  it('converts temperatures without float noise at the CTCAE boundaries', () => {
    assert.equal(to(100.4, '[degF]', 'Cel'), 38);
    assert.equal(to(102.2, '°F', 'Cel'), 39);
    assert.equal(to(104.0, '°F', 'Cel'), 40);
    assert.equal(to(38.3, 'Cel', '[degF]'), 100.94);
  });

  it('refuses unknown and incompatible units instead of guessing', () => {
    const unknown = convert({ value: 1, unit: 'furlongs' }, 'g/L');
    assert.deepEqual(unknown, { ok: false, issues: [{ path: ['unit'], code: 'unknown_unit', params: { unit: 'furlongs' } }] });
    const across = convert({ value: 1, unit: 'mg/dL' }, 'umol/L');
    assert.equal(across.ok, false);
    assert.equal(!across.ok && across.issues[0]?.code, 'incompatible_unit');
    const wrongKind = convert({ value: 1, unit: '%' }, 'g/L', { analyte: 'hemoglobin' });
    assert.equal(wrongKind.ok, false);
  });

  it('round-trips every pair of units of one dimension (property)', () => {
    const pairs = units.flatMap((a) => units.filter((b) => b.dimension === a.dimension).map((b) => [a.code, b.code] as const));
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.double({ min: 1e-3, max: 1e5, noNaN: true }), ([a, b], value) => {
        const back = to(to(value, a, b), b, a);
        assert.ok(Math.abs(back - value) <= 1e-9 * Math.max(1, Math.abs(value)), `${value} ${a} → ${b} → ${back}`);
      }),
    );
  });

  it('round-trips mass and molar concentrations of each analyte (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('creatinine', 'bilirubin', 'hemoglobin' as const),
        fc.constantFrom('mg/dL', 'g/L', 'g/dL', 'mg/L'),
        fc.constantFrom('umol/L', 'mmol/L'),
        fc.double({ min: 1e-2, max: 1e4, noNaN: true }),
        (analyte, mass, molar, value) => {
          const back = to(to(value, mass, molar, analyte), molar, mass, analyte);
          assert.ok(Math.abs(back - value) <= 1e-9 * value);
        },
      ),
    );
  });
});
