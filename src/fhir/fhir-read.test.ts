import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { dateField, isFullDate, normalisePatientReference, Sink } from './fhir-read.ts';

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

it('isFullDate reads a date as the FHIR dateTime pattern does, days that do not exist refused', () => {
  const pattern = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:T([01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:\.\d+)?)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?)?$/;
  const expected = (v: string) => {
    const m = pattern.exec(v);
    return m !== null && Number(m[3]) <= new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  };
  const templates = ['2026-01-10', '2026-02-29', '2024-02-29', '0000-02-29', '2026-12-31T23:59', '2026-12-31T23:59:60.123456789+14:00', '2026-06-30T00:00:00Z', '2026-06-30T24:00:00-00:59', '1999-11-31T08:00:00.5-12:30', '2026-06-30T08:00:00+15:00', '2026-06-30T08:00+14:00', '2026-06-30T08:00-14:60'];
  const chars = '0123456789-:T+Z.x 4\u0660';
  const edited = fc.tuple(fc.constantFrom(...templates), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('replace', 'insert', 'delete')), { maxLength: 3 })).map(([t, edits]) => {
    let s = t;
    for (const [at, c, how] of edits) {
      const i = at % (s.length + 1);
      const ch = chars[c % chars.length]!;
      s = how === 'replace' ? s.slice(0, i) + ch + s.slice(i + 1) : how === 'insert' ? s.slice(0, i) + ch + s.slice(i) : s.slice(0, i) + s.slice(i + 1);
    }
    return s;
  });
  fc.assert(fc.property(fc.oneof(edited, fc.string(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?([+-]\d{2}:\d{2}|Z)?)?$/)), (v) => assert.equal(isFullDate(v), expected(v), v)), { numRuns: 20_000 });
  for (const t of templates) assert.equal(isFullDate(t), expected(t), t);
});
