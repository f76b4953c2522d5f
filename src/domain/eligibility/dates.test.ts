import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { addDays, addMonths, completedYears, dayNumber } from './dates.ts';

it('counts days across month, year and leap-day boundaries', () => {
  assert.equal(dayNumber('1970-01-01'), 0);
  assert.equal(addDays('2026-03-01', -28), '2026-02-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(dayNumber('2026-03-01T23:59:00+08:00'), dayNumber('2026-03-01'));
});

it('adds calendar months, clamping to the end of the month (I3: diagnosis + 6 months)', () => {
  assert.equal(addMonths('2025-09-01', 6), '2026-03-01');
  assert.equal(addMonths('2024-08-31', 6), '2025-02-28');
  assert.equal(addMonths('2023-08-31', 6), '2024-02-29');
  assert.equal(addMonths('2025-11-15', 3), '2026-02-15');
});

it('completed years: the birthday itself counts; 29 February is reached on 1 March', () => {
  assert.equal(completedYears('2008-03-01', '2026-03-01'), 18);
  assert.equal(completedYears('2008-03-02', '2026-03-01'), 17);
  assert.equal(completedYears('2004-02-29', '2023-02-28'), 18);
  assert.equal(completedYears('2004-02-29', '2023-03-01'), 19);
});

// Record dates have four-digit years (0000–9999), so day numbers are tested over that span.
it('round-trips every day number and never throws on digit-shaped nonsense', () => {
  fc.assert(fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (d) => dayNumber(addDays('1970-01-01', d)) === d));
  const shaped = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }));
  fc.assert(
    fc.property(shaped, ([y, m, d]) => {
      const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      return Number.isFinite(dayNumber(s)) && typeof addMonths(s, 6) === 'string' && Number.isFinite(completedYears(s, '2026-03-01'));
    }),
  );
});
