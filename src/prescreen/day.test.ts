import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { dayNumber } from '../domain/eligibility/dates.ts';
import { fastDay } from './day.ts';

it('fastDay agrees with eligibility dayNumber on any date text', () => {
  const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
  const date = fc.tuple(digits(4), digits(2), digits(2), fc.constantFrom('', 'T08:00:00Z', 'T23:59:59.5+08:00')).map(([y, m, d, t]) => `${y}-${m}-${d}${t}`);
  fc.assert(fc.property(fc.oneof(date, fc.string()), (s) => assert.equal(fastDay(s), dayNumber(s))));
  assert.equal(fastDay('2026-12-01'), dayNumber('2026-12-01'));
});

it('fastDay of an empty text is its day number, read first or not', () => {
  assert.equal(fastDay(''), dayNumber(''));
  fastDay('2026-12-01');
  assert.equal(fastDay(''), dayNumber(''));
});
