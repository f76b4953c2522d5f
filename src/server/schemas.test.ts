// Found while fuzzing: Date.parse reads an impossible day as a later one (2026-02-30 as 2 March),
// so a dose or an observation dated 30 February was stored on 2 March without a word.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DateOrInstant, Instant } from './schemas.ts';

it('refuses instants on days that do not exist, and keeps the real ones', () => {
  for (const schema of [Instant, DateOrInstant]) {
    for (const bad of ['2026-02-30T09:00:00Z', '2025-02-29T00:00:00+08:00', '2026-04-31T12:00Z', '2026-13-01T00:00:00Z']) assert.equal(schema.safeParse(bad).success, false, bad);
    for (const good of ['2024-02-29T09:00:00Z', '2026-03-02T09:30:00+08:00', '2026-12-31T23:59:59.999-05:00']) assert.equal(schema.safeParse(good).success, true, good);
  }
  assert.equal(DateOrInstant.safeParse('2026-02-30').success, false);
  assert.equal(DateOrInstant.safeParse('2026-02-28').success, true);
});
