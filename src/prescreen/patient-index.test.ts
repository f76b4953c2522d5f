import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { PatientIndex } from './patient-index.ts';

it('numbers keys in order of arrival and gives each back exactly, any string included', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('Patient/1', 'urn:uuid:\ud800x', '\u00ff', '\u0100')), { maxLength: 300 }), (keys) => {
      const index = new PatientIndex();
      const expected = new Map<string, number>();
      for (const key of keys) {
        const p = index.get(key);
        assert.equal(p, expected.get(key) ?? -1);
        if (p < 0) expected.set(key, index.add(key));
      }
      assert.equal(index.size, expected.size);
      for (const [key, p] of expected) {
        assert.equal(index.key(p), key);
        assert.equal(index.get(key), p);
      }
    }),
  );
});

it('holds 100,000 patients', () => {
  const index = new PatientIndex();
  for (let i = 0; i < 100_000; i++) assert.equal(index.add(`Patient/P${String(i).padStart(6, '0')}`), i);
  assert.equal(index.get('Patient/P054321'), 54_321);
  assert.equal(index.key(99_999), 'Patient/P099999');
  assert.equal(index.get('Patient/P100000'), -1);
});
