import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseInput } from '../validation.ts';
import { computeSledai2k, Sledai2kInput, sledai2kItems, sledai2kScore, sledai2kWeights } from './sledai2k.ts';

const score = (items: string[]) => computeSledai2k(items);

describe('SLEDAI-2K worked examples (domain.md §7)', () => {
  const cases: Array<[string, string[], number, number]> = [
    ['S1', ['arthritis', 'rash', 'mucosal-ulcers', 'low-complement', 'increased-dna-binding'], 12, 8],
    ['S2', ['low-complement', 'increased-dna-binding', 'alopecia'], 6, 2],
    ['S3', ['proteinuria', 'low-complement'], 6, 4],
    ['S4', ['leukopenia', 'fever', 'pleurisy', 'alopecia'], 6, 6],
    ['S5', ['thrombocytopenia', 'leukopenia', 'low-complement', 'increased-dna-binding'], 6, 2],
    ['S6', ['urinary-casts', 'hematuria', 'proteinuria', 'pyuria', 'rash', 'low-complement', 'increased-dna-binding'], 22, 18],
    ['S7', [...sledai2kItems], 105, 101],
    ['S8', ['low-complement'], 2, 0],
  ];
  for (const [name, items, total, clinical] of cases) {
    it(`${name}: total ${total}, clinical ${clinical}`, () => {
      const r = score(items);
      assert.equal(r.total, total);
      assert.equal(r.clinical, clinical);
      assert.equal(r.serologic, total - clinical);
    });
  }

  it('lists the counted items with their weights in the form order', () => {
    assert.deepEqual(score(['rash', 'seizure']).items, [
      { code: 'seizure', weight: 8 },
      { code: 'rash', weight: 2 },
    ]);
  });

  it('scores a descriptor listed twice once', () => {
    assert.equal(score(['fever', 'fever']).total, 1);
  });

  it('has 24 descriptors weighing 105 in all', () => {
    assert.equal(sledai2kItems.length, 24);
    assert.equal(Object.values(sledai2kWeights).reduce((a, b) => a + b, 0), 105);
  });
});

describe('SLEDAI-2K properties', () => {
  it('total is the sum of the weights of the distinct items, and clinical ≤ total', () => {
    fc.assert(
      fc.property(fc.subarray(sledai2kItems), (items) => {
        const r = score(items);
        assert.equal(r.total, items.reduce((s, i) => s + sledai2kWeights[i], 0));
        assert.ok(r.clinical <= r.total && r.clinical >= 0);
        assert.ok(r.total - r.clinical <= 4);
      }),
    );
  });
});

describe('SLEDAI-2K input', () => {
  it('rejects an unknown code naming its position', () => {
    const r = parseInput(Sledai2kInput, { items: ['rash', 'headache'] });
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.issues[0]?.path, ['items', 1]);
    assert.equal(!r.ok && r.issues[0]?.code, 'invalid_choice');
  });

  it('requires items and refuses unknown fields', () => {
    const missing = parseInput(Sledai2kInput, {});
    assert.deepEqual(!missing.ok && missing.issues[0], { path: ['items'], code: 'required', params: {} });
    const extra = parseInput(Sledai2kInput, { items: [], note: 'x' });
    assert.deepEqual(!extra.ok && extra.issues[0], { path: ['note'], code: 'unknown_field', params: {} });
  });

  it('explains each counted item and the totals', () => {
    const r = sledai2kScore.compute({ items: ['low-complement', 'arthritis'] });
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.explanation.map((s) => s.code),
      ['sledai2k.item', 'sledai2k.serologic-item', 'sledai2k.total'],
    );
  });
});
