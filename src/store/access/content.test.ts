import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { updateRow } from '../audit.ts';
import { observation } from '../schema-conduct.ts';
import { describeEachBackend, inRolledBack } from '../test-support.ts';
import { canonicalJson, contentHash } from './content.ts';
import { type Records, seedSignableRecords } from './test-support.ts';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys at every depth by UTF-16 code units, keeps array order, prints numbers as JavaScript does', () => {
    assert.equal(canonicalJson({ b: 1, a: [3, { z: null, y: 'é' }], A: true, 10: 1.5e-7, '': 100 }), '{"":100,"10":1.5e-7,"A":true,"a":[3,{"y":"é","z":null}],"b":1}');
    // RFC 8785 §3.2.3's sorting example: code units, so U+1F600 (a surrogate pair) sorts before U+FB33.
    assert.equal(canonicalJson({ '\ufb33': 1, '\u{1f600}': 2, '\u00e9': 3, '\r': 4 }), '{"\\r":4,"\u00e9":3,"\u{1f600}":2,"\ufb33":1}');
    assert.equal(canonicalJson({ n: 88.4, i: 1e21, s: 'a"b\\c\n' }), '{"i":1e+21,"n":88.4,"s":"a\\"b\\\\c\\n"}');
  });
});

describeEachBackend('content hash', (ctx) => {
  let r: Records;
  before(async () => {
    r = await seedSignableRecords(ctx.db(), 'HASH');
  });

  it('is the SHA-256 of the canonical {table, id, version, row}, with timestamps in UTC whatever the session time zone', async () => {
    const db = ctx.db();
    const hash = await contentHash(db, 'observation', r.lab.id);
    assert.match(hash, /^[0-9a-f]{64}$/);
    for (const zone of ['Asia/Shanghai', 'America/Los_Angeles'])
      assert.equal(
        await inRolledBack(db, async (tx) => {
          await tx.query(`SELECT set_config('TimeZone', $1, true)`, [zone]);
          return contentHash(tx, 'observation', r.lab.id);
        }),
        hash,
        zone,
      );
    // The definition, rebuilt by hand: timestamptz columns as UTC text, everything else as to_jsonb prints it.
    const utc = (c: string) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    const [x] = await db.query<{ row: Record<string, unknown>; observed: string; created: string }>(
      `SELECT to_jsonb(o) AS row, ${utc('o.observed_at')} AS observed, ${utc('o.created_at')} AS created FROM observation o WHERE id = $1`,
      [r.lab.id],
    );
    assert.equal(x!.observed, '2026-02-01T01:30:00.123000Z');
    const text = canonicalJson({ table: 'observation', id: r.lab.id, version: x!.row.version, row: { ...x!.row, observed_at: x!.observed, created_at: x!.created } });
    assert.match(text, /^\{"id":"[0-9a-f-]{36}","row":\{"code":"creatinine",.*"value_num":88\.4,.*\},"table":"observation","version":1\}$/);
    assert.equal(createHash('sha256').update(text, 'utf8').digest('hex'), hash);
  });

  it('changes with any update, even one that puts the old value back (the version moves on)', async () => {
    const db = ctx.db();
    const first = await contentHash(db, 'observation', r.lab.id);
    const changed = await updateRow(db, observation, r.lab.id, r.lab.version, { valueNum: 90 }, { user: 'crc.wang', reason: 'transcription error' });
    const second = await contentHash(db, 'observation', r.lab.id);
    await updateRow(db, observation, r.lab.id, changed.version, { valueNum: 88.4 }, { user: 'crc.wang', reason: 'the first value was right' });
    const third = await contentHash(db, 'observation', r.lab.id);
    assert.equal(new Set([first, second, third]).size, 3);
  });

  it('differs between records of the same content in different tables or ids', async () => {
    const db = ctx.db();
    assert.notEqual(await contentHash(db, 'adverse_event', r.aeA.id), await contentHash(db, 'adverse_event', r.aeB.id));
    assert.notEqual(await contentHash(db, 'data_query', r.query.id), await contentHash(db, 'data_query', r.studyQuery.id));
  });
});
