import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataTypeOf, itemValue } from './values.ts';

describe('ODM item values', () => {
  it('keeps every JSON value, null as IsNull', () => {
    assert.deepEqual(itemValue(null), { isNull: true });
    assert.deepEqual(itemValue(0.8), { isNull: false, value: '0.8' });
    assert.deepEqual(itemValue(false), { isNull: false, value: 'false' });
    assert.deepEqual(itemValue({ items: ['rash'] }), { isNull: false, value: '{"items":["rash"]}' });
  });

  it('types an item by all the values it took', () => {
    assert.equal(dataTypeOf([1, 2, null]), 'integer');
    assert.equal(dataTypeOf([1, 2.5]), 'float');
    assert.equal(dataTypeOf([1e-7]), 'double');
    assert.equal(dataTypeOf(['2026-07-13']), 'date');
    assert.equal(dataTypeOf(['2026-11-29T22:42:16.129+00:00', '2026-11-29T22:42:16Z']), 'datetime');
    assert.equal(dataTypeOf(['2026-07-13', 'x']), 'text');
    assert.equal(dataTypeOf([true, false]), 'boolean');
    assert.equal(dataTypeOf([{ a: 1 }]), 'text');
    assert.equal(dataTypeOf([null]), 'text');
  });
});
