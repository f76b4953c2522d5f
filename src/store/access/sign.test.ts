import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, it } from 'node:test';
import { audited, deleteRow, updateRow } from '../audit.ts';
import type { Db } from '../db.ts';
import { StoreError } from '../errors.ts';
import { adverseEvent, appUser, type Role, type SignatureMeaning, roles } from '../schema-conduct.ts';
import { describeEachBackend } from '../test-support.ts';
import { authenticate } from './authenticate.ts';
import { attestSignature, sign } from './sign.ts';
import { signaturesOf, verifySignature } from './signatures.ts';
import { type Records, admin, cheap, makeUser, seedSignableRecords } from './test-support.ts';
import { deactivateUser, verifyIdentity } from './users.ts';

const refusal = (code: string, params?: Record<string, unknown>) => (error: unknown) => {
  assert.ok(error instanceof StoreError, String(error));
  assert.equal(error.code, code);
  if (params) assert.deepEqual(error.params, params);
  return true;
};

const lastEvent = async (db: Db, username: string) =>
  (await db.query<{ kind: string; detail: Record<string, unknown> }>(
    `SELECT e.kind, e.detail FROM security_event e JOIN audit_log a ON a.table_name = 'security_event' AND a.row_id = e.id::text AND a.field = 'kind'
     WHERE e.username = $1 ORDER BY a.seq DESC LIMIT 1`,
    [username],
  ))[0];

const signatureCount = async (db: Db) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM signature'))[0]!.n;

// R-29, written out here rather than read from meanings.ts, so that a change there fails this test.
const allowed: Record<string, readonly Role[]> = {
  'eligibility-confirmed': ['investigator'],
  'dlt-adjudicated': ['investigator'],
  'escalation-approved': ['safety_committee'],
  reviewed: ['monitor', 'investigator', 'data_manager', 'safety_committee'],
  authored: ['investigator', 'coordinator', 'data_manager'],
  approved: ['investigator', 'safety_committee', 'administrator'],
};

describeEachBackend('electronic signatures', (ctx) => {
  let r: Records;
  before(async () => {
    r = await seedSignableRecords(ctx.db(), 'SIGN');
  });
  const investigatorAt = (siteId: string | null) => [{ studyId: r.study.id, siteId, role: 'investigator' as const }];

  it('R-31: the attestation is a signature of the own app_user row; it sets signature_attested_at and is valid', async () => {
    const db = ctx.db();
    const { user, credentials } = await makeUser(db, 'pi', investigatorAt(r.siteA.id), { attest: false });
    const attestation = await attestSignature(db, credentials, cheap);
    assert.deepEqual(
      [attestation.tableName, attestation.rowId, attestation.userId, attestation.meaning, attestation.role, attestation.fullName],
      ['app_user', user.id, user.id, 'signature-attestation', 'account-holder', user.fullName],
    );
    const [row] = await db.query<{ signature_attested_at: Date | null }>('SELECT signature_attested_at FROM app_user WHERE id = $1', [user.id]);
    assert.ok(row!.signature_attested_at instanceof Date);
    assert.deepEqual((await signaturesOf(db, 'app_user', user.id)).map((s) => [s.id, s.status]), [[attestation.id, 'valid']]);
  });

  it('R-31: a user who has not attested cannot sign', async () => {
    const db = ctx.db();
    const { user, credentials } = await makeUser(db, 'pi', investigatorAt(r.siteA.id), { attest: false });
    const before = await signatureCount(db);
    await assert.rejects(sign(db, credentials, { table: 'screening_result', rowId: r.screening.id, meaning: 'eligibility-confirmed' }, cheap), refusal('attestation_required', { username: user.username }));
    assert.equal(await signatureCount(db), before);
    assert.deepEqual(await lastEvent(db, user.username), {
      kind: 'sign_refused',
      detail: { table: 'screening_result', rowId: r.screening.id, meaning: 'eligibility-confirmed', code: 'attestation_required' },
    });
  });

  it('R-09: an account whose identity is not verified can neither attest nor sign', async () => {
    const db = ctx.db();
    const { user, credentials } = await makeUser(db, 'pi', investigatorAt(r.siteA.id), { verify: false });
    await assert.rejects(attestSignature(db, credentials, cheap), refusal('identity_not_verified', { username: user.username }));
    await assert.rejects(sign(db, credentials, { table: 'screening_result', rowId: r.screening.id, meaning: 'eligibility-confirmed' }, cheap), refusal('identity_not_verified'));
    await verifyIdentity(db, admin, user.username);
    await attestSignature(db, credentials, cheap);
    await sign(db, credentials, { table: 'screening_result', rowId: r.screening.id, meaning: 'eligibility-confirmed' }, cheap);
  });

  it('R-27: every signing checks the password again; a wrong one signs nothing and counts as a failed login', async () => {
    const db = ctx.db();
    const { user, credentials } = await makeUser(db, 'pi', investigatorAt(r.siteA.id));
    await authenticate(db, credentials, cheap);
    const before = await signatureCount(db);
    const request = { table: 'screening_result', rowId: r.screening.id, meaning: 'eligibility-confirmed' } as const;
    await assert.rejects(sign(db, { ...credentials, password: '' }, request, cheap), refusal('authentication_failed', {}));
    await assert.rejects(sign(db, { ...credentials, password: 'wrong password' }, request, cheap), refusal('authentication_failed', {}));
    assert.equal(await signatureCount(db), before);
    assert.deepEqual(await lastEvent(db, user.username), { kind: 'login_failed', detail: { purpose: 'sign', reason: 'wrong_password', failedAttempts: 2 } });
    await sign(db, credentials, request, cheap);
    const [c] = await db.query<{ n: number }>('SELECT failed_attempts AS n FROM user_credential WHERE user_id = $1', [user.id]);
    assert.equal(c!.n, 0, 'a right password ends the run of failures');
  });

  it('R-29: the role × meaning matrix, every combination', async () => {
    const db = ctx.db();
    const signers = new Map<Role, Awaited<ReturnType<typeof makeUser>>>();
    for (const role of roles) signers.set(role, await makeUser(db, role.replace('_', '-'), [{ studyId: r.study.id, siteId: null, role }]));
    const outcome: string[] = [];
    for (const [meaning, roleList] of Object.entries(allowed))
      for (const role of roles) {
        const { credentials } = signers.get(role)!;
        const request = { table: 'adverse_event', rowId: r.aeA.id, meaning: meaning as SignatureMeaning };
        try {
          const s = await sign(db, credentials, request, cheap);
          assert.equal(s.role, role);
          outcome.push(`${meaning} ${role} signed`);
        } catch (error) {
          refusal('meaning_not_allowed', { meaning, allowed: [...roleList], table: 'adverse_event', id: r.aeA.id })(error);
          outcome.push(`${meaning} ${role} refused`);
        }
      }
    const expected = Object.entries(allowed).flatMap(([meaning, roleList]) => roles.map((role) => `${meaning} ${role} ${roleList.includes(role) ? 'signed' : 'refused'}`));
    assert.deepEqual(outcome, expected);
    assert.equal(outcome.filter((o) => o.endsWith('signed')).length, 13);
    // Nobody signs an attestation for another account, nor attests on a trial record.
    const { credentials } = signers.get('administrator')!;
    const other = signers.get('investigator')!.user;
    await assert.rejects(sign(db, credentials, { table: 'app_user', rowId: other.id, meaning: 'signature-attestation' }, cheap), refusal('meaning_not_allowed', { meaning: 'signature-attestation', allowed: [], table: 'app_user', id: other.id }));
    await assert.rejects(sign(db, credentials, { table: 'adverse_event', rowId: r.aeA.id, meaning: 'signature-attestation' }, cheap), refusal('meaning_not_allowed'));
    await assert.rejects(sign(db, credentials, { table: 'app_user', rowId: other.id, meaning: 'approved' }, cheap), refusal('meaning_not_allowed'));
    await assert.rejects(sign(db, credentials, { table: 'adverse_event', rowId: r.aeA.id, meaning: 'witnessed' as never }, cheap), refusal('meaning_not_allowed'));
  });

  it('R-11/R-29: an investigator of site A cannot sign a record of a subject of site B, nor a study-level record', async () => {
    const db = ctx.db();
    const { credentials } = await makeUser(db, 'pi-a', investigatorAt(r.siteA.id));
    const { credentials: wide } = await makeUser(db, 'pi-wide', investigatorAt(null));
    const onB = { table: 'adverse_event', rowId: r.aeB.id, meaning: 'dlt-adjudicated' } as const;
    await assert.rejects(sign(db, credentials, onB, cheap), refusal('meaning_not_allowed', { meaning: 'dlt-adjudicated', allowed: ['investigator'], table: 'adverse_event', id: r.aeB.id }));
    assert.equal((await sign(db, credentials, { ...onB, rowId: r.aeA.id }, cheap)).role, 'investigator');
    assert.equal((await sign(db, wide, onB, cheap)).role, 'investigator', 'a study-wide investigator covers every site');
    await assert.rejects(sign(db, credentials, { table: 'protocol_version', rowId: r.protocol.id, meaning: 'approved' }, cheap), refusal('meaning_not_allowed'));
    assert.equal((await sign(db, wide, { table: 'protocol_version', rowId: r.protocol.id, meaning: 'approved' }, cheap)).role, 'investigator');
  });

  it('R-25: the signature shows the printed name and role at signing, the meaning and the server time; a sign event records it', async () => {
    const db = ctx.db();
    const { user, credentials } = await makeUser(db, 'src', [{ studyId: r.study.id, siteId: null, role: 'safety_committee' }]);
    const [{ now }] = (await db.query<{ now: Date }>('SELECT now() AS now')) as [{ now: Date }];
    const s = await sign(db, credentials, { table: 'escalation_decision', rowId: r.decision.id, meaning: 'escalation-approved' }, cheap);
    assert.deepEqual([s.userId, s.fullName, s.role, s.meaning, s.tableName, s.rowId], [user.id, user.fullName, 'safety_committee', 'escalation-approved', 'escalation_decision', r.decision.id]);
    assert.ok(Math.abs(s.createdAt.getTime() - now.getTime()) < 60_000);
    assert.deepEqual(await lastEvent(db, user.username), {
      kind: 'sign',
      detail: { signature: s.id, table: 'escalation_decision', rowId: r.decision.id, meaning: 'escalation-approved', role: 'safety_committee', contentHash: s.contentHash },
    });
    // A later change of the name does not rewrite what was signed (it only breaks the attestation, which signed the old row).
    const [u] = await db.query<{ version: number }>('SELECT version FROM app_user WHERE id = $1', [user.id]);
    await updateRow(db, appUser, user.id, u!.version, { fullName: 'Renamed Person' }, { user: 'admin.zhou', reason: 'name change by marriage' });
    assert.equal((await verifySignature(db, s.id)).fullName, user.fullName);
    assert.equal((await verifySignature(db, s.id)).status, 'valid');
    assert.deepEqual((await signaturesOf(db, 'app_user', user.id)).map((x) => x.status), ['broken']);
  });

  it('R-26: editing a signed record breaks its signature visibly, even when the edit is undone; a new signature is valid', async () => {
    const db = ctx.db();
    const { credentials } = await makeUser(db, 'pi', investigatorAt(r.siteA.id));
    const before = await audited(db, { user: 'crc.wang' }, (tx) => tx.insert(adverseEvent, { subjectId: r.subjectA.id, term: 'Headache', grading: 'ctcae', onsetDate: '2026-02-04', grade: 1, relatedness: 'unlikely' }));
    const first = await sign(db, credentials, { table: 'adverse_event', rowId: before.id, meaning: 'dlt-adjudicated' }, cheap);
    assert.equal((await verifySignature(db, first.id)).status, 'valid');
    const edited = await updateRow(db, adverseEvent, before.id, before.version, { grade: 2 }, { user: 'crc.wang', reason: 'worse on day 2' });
    assert.equal((await verifySignature(db, first.id)).status, 'broken');
    await updateRow(db, adverseEvent, before.id, edited.version, { grade: 1 }, { user: 'crc.wang', reason: 'entered on the wrong event' });
    assert.equal((await verifySignature(db, first.id)).status, 'broken', 'the version moved on');
    const second = await sign(db, credentials, { table: 'adverse_event', rowId: before.id, meaning: 'dlt-adjudicated' }, cheap);
    assert.deepEqual((await signaturesOf(db, 'adverse_event', before.id)).map((s) => [s.id, s.status]), [[first.id, 'broken'], [second.id, 'valid']]);
    // A record of the trial cannot be deleted; marking it entered in error is an edit, and breaks them all.
    await assert.rejects(deleteRow(db, adverseEvent, before.id, edited.version + 1, { user: 'crc.wang', reason: 'duplicate entry' }), { code: 'delete_refused' });
    await updateRow(db, adverseEvent, before.id, edited.version + 1, { status: 'entered-in-error' }, { user: 'crc.wang', reason: 'duplicate entry' });
    assert.deepEqual((await signaturesOf(db, 'adverse_event', before.id)).map((s) => s.status), ['broken', 'broken'], 'a record marked in error breaks them all');
  });

  it('R-26: a signature copied onto another record (raw SQL, same hash) verifies as broken', async () => {
    const db = ctx.db();
    const { credentials } = await makeUser(db, 'pi', investigatorAt(null));
    const original = await sign(db, credentials, { table: 'adverse_event', rowId: r.aeA.id, meaning: 'dlt-adjudicated' }, cheap);
    const copies = await audited(db, { user: 'intruder' }, async (tx) => {
      const copy = (table: string, rowId: string) =>
        tx.sql.query<{ id: string }>(
          `INSERT INTO signature (table_name, row_id, user_id, full_name, role, meaning, content_hash)
           SELECT $2, $3, user_id, full_name, role, meaning, content_hash FROM signature WHERE id = $1 RETURNING id`,
          [original.id, table, rowId],
        );
      return [...(await copy('adverse_event', r.aeB.id)), ...(await copy('screening_result', r.screening.id)), ...(await copy('visit', r.aeA.id))];
    });
    assert.equal((await verifySignature(db, original.id)).status, 'valid');
    for (const c of copies) {
      const checked = await verifySignature(db, c.id);
      assert.equal(checked.contentHash, original.contentHash);
      assert.equal(checked.status, 'broken', `${checked.tableName}/${checked.rowId}`);
    }
    assert.deepEqual((await signaturesOf(db, 'adverse_event', r.aeB.id)).find((s) => s.id === copies[0]!.id)?.status, 'broken');
  });

  it('R-28: an administrator cannot sign in another name: only the signer\'s own password makes a signature, in their own name', async () => {
    const db = ctx.db();
    const { user: pi } = await makeUser(db, 'pi', investigatorAt(null));
    const { user: boss, credentials: bossCredentials } = await makeUser(db, 'admin', [
      { studyId: r.study.id, siteId: null, role: 'administrator' },
      { studyId: r.study.id, siteId: null, role: 'investigator' },
    ]);
    const request = { table: 'screening_result', rowId: r.screening.id, meaning: 'eligibility-confirmed' } as const;
    await assert.rejects(sign(db, { username: pi.username, password: bossCredentials.password }, request, cheap), refusal('authentication_failed'));
    const own = await sign(db, bossCredentials, request, cheap);
    assert.deepEqual([own.userId, own.fullName], [boss.id, boss.fullName]);
    // The only code that writes signature rows is sign.ts, reached through sign() and attestSignature(), which both take credentials.
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const writers = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('test-support.ts'))
      .filter((f) => /insert\(\s*signature\b|INSERT\s+INTO\s+signature\b/i.test(readFileSync(join(src, f), 'utf8')))
      .map((f) => relative(src, join(src, f)).split('\\').join('/'));
    assert.deepEqual(writers, ['store/access/sign.ts']);
    assert.deepEqual([sign.length, attestSignature.length], [3, 2], 'db, credentials, … with no other way in');
  });

  it('a deactivated user cannot sign; their earlier signatures keep their name and stay valid', async () => {
    const db = ctx.db();
    const { user, credentials } = await makeUser(db, 'cra', [{ studyId: r.study.id, siteId: null, role: 'monitor' }]);
    const s = await sign(db, credentials, { table: 'observation', rowId: r.lab.id, meaning: 'reviewed' }, cheap);
    await deactivateUser(db, admin, user.username);
    await assert.rejects(sign(db, credentials, { table: 'observation', rowId: r.lab.id, meaning: 'reviewed' }, cheap), refusal('account_inactive'));
    const checked = await verifySignature(db, s.id);
    assert.deepEqual([checked.fullName, checked.status], [user.fullName, 'valid']);
  });

  it('refuses unknown tables and records; reading an unsigned record gives no signatures', async () => {
    const db = ctx.db();
    const { credentials } = await makeUser(db, 'dm', [{ studyId: r.study.id, siteId: null, role: 'data_manager' }]);
    await assert.rejects(sign(db, credentials, { table: 'audit_log', rowId: r.aeA.id, meaning: 'reviewed' }, cheap), refusal('not_signable', { table: 'audit_log' }));
    await assert.rejects(sign(db, credentials, { table: 'visit', rowId: r.aeA.id, meaning: 'reviewed' }, cheap), refusal('not_found', { table: 'visit', id: r.aeA.id }));
    assert.deepEqual(await signaturesOf(db, 'visit', r.visit.id), []);
    await assert.rejects(verifySignature(db, 'nope'), refusal('not_found', { table: 'signature', id: 'nope' }));
  });
});
