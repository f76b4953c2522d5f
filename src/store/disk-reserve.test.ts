import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { it } from 'node:test';
import { join } from 'node:path';
import { checkRoom, freeMb, reserveMb, withDiskReserve } from './disk-reserve.ts';
import { freshDb } from './test-support.ts';

it('refuses a writing transaction as disk_full, naming the directory and the space, while the disk has less than the reserve; reads pass', async () => {
  const db = await freshDb('pglite');
  try {
    const free = freeMb(tmpdir());
    const starved = withDiskReserve(db, tmpdir(), free + 1024);
    await assert.rejects(
      starved.transaction(async (tx) => tx.query('SELECT 1')),
      (e: { code?: string; params?: { detail?: string } }) => e.code === 'disk_full' && new RegExp(`^${tmpdir()}: \\d+\\.\\d MB free, below the \\d+(\\.\\d+)? MB kept`).test(e.params?.detail ?? ''),
    );
    assert.deepEqual(await starved.transaction(async (tx) => tx.query('SELECT 1 AS one'), { readOnly: true }), [{ one: 1 }]);
    assert.deepEqual(await withDiskReserve(db, tmpdir(), 1).transaction(async (tx) => tx.query('SELECT 1 AS one')), [{ one: 1 }]);
  } finally {
    await db.close();
  }
});

it('refuses to open a data directory, made or to be made, on a disk with less than the reserve', () => {
  const dir = join(tmpdir(), 'firstdose-not-made-yet', 'data');
  assert.throws(() => checkRoom(dir, freeMb(tmpdir()) + 1024), { code: 'disk_full' });
  assert.doesNotThrow(() => checkRoom(dir, 1));
});

it('takes the reserve from FIRSTDOSE_DISK_RESERVE_MB, 32 MB by default or when the value is not a size', () => {
  assert.deepEqual([reserveMb({}), reserveMb({ FIRSTDOSE_DISK_RESERVE_MB: '0' }), reserveMb({ FIRSTDOSE_DISK_RESERVE_MB: '100' }), reserveMb({ FIRSTDOSE_DISK_RESERVE_MB: 'lots' })], [32, 0, 100, 32]);
});
