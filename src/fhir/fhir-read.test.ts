import assert from 'node:assert/strict';
import { it } from 'node:test';
import { dateField, normalisePatientReference, Sink } from './fhir-read.ts';

it('dateField knows the days of every month of years 0000-9999 as Date.UTC does (years 0-99 read as 1900-1999)', () => {
  const sink = new Sink([], 'x');
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  for (let year = 0; year <= 9999; year++) {
    for (let month = 1; month <= 12; month++) {
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      for (let day = 28; day <= 31; day++) {
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        assert.equal(dateField({ d: text }, 'd', sink, []) === text, day <= last, text);
      }
    }
  }
});

it('dateField and normalisePatientReference answer the same when asked twice in a row', () => {
  const sink = new Sink([], 'x');
  for (const text of ['2026-01-10', '2026-01-10', '2026-02-30', '2026-02-30', '2026', '2026-01-10T08:00:00+08:00', '2026-01-10T08:00:00+08:00']) {
    assert.equal(dateField({ d: text }, 'd', new Sink([], 'y'), [], { latestDay: true }), dateField({ d: text }, 'd', sink, [], { latestDay: true }));
  }
  for (const ref of ['Patient/1', 'Patient/1', 'https://x/Patient/2/_history/3', 'https://x/Patient/2/_history/3', 'Group/1', 'Group/1']) {
    assert.equal(normalisePatientReference(ref), ref === 'Group/1' ? null : ref.startsWith('https') ? 'Patient/2' : ref);
  }
});
