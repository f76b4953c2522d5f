// Secrets never logged, passwords never stored or logged in clear (R-13, OWASP Logging Cheat
// Sheet): with the server's log at its most verbose (trace), a run of log-ins, failed log-ins, a
// user created, a password changed (and a change refused by the password rules), the signature
// attestation, a signature and a signature with a wrong password. Afterwards no password typed
// appears anywhere: not in the log, not in any answer, not in any column of any table of the
// database (the audit trail and the security events included). Hashes are scrypt strings in
// user_credential, and nowhere else; session tokens are not in the log either.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { describeEachBackend } from '../../store/test-support.ts';
import { apiTrial, password } from '../test-support.ts';

const unique = (label: string) => `${label}-${randomBytes(9).toString('base64url')}`;

describeEachBackend('secrets never logged or stored in clear', (ctx) => {
  const log: string[] = [];
  let x: Awaited<ReturnType<typeof apiTrial>>;
  before(async () => {
    x = await apiTrial(ctx.db(), { logger: { level: 'trace', stream: { write: (line: string) => void log.push(line) } } });
  });
  after(() => x.app.close());

  /** Every text value of every table of the database, as `table: row JSON`. */
  async function everything(): Promise<string[]> {
    const db = ctx.db();
    const tables = await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`);
    assert.ok(tables.length >= 15, `${tables.length} tables`);
    const rows: string[] = [];
    for (const { name } of tables) {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      for (const r of await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${quoted} t`)) rows.push(`${name}: ${r.row}`);
    }
    return rows;
  }

  it('keeps every password out of the log, the answers and the database, and hashes only in user_credential', async () => {
    const secrets = {
      initial: unique('Initial'),
      wrong: unique('Wrong'),
      changed: unique('Changed'),
      weak: 'Wk9-short',
      wrongSign: unique('WrongSign'),
    };
    const bodies: string[] = [];
    const call = async (...args: Parameters<typeof x.call>) => {
      const r = await x.call(...args);
      bodies.push(r.body, JSON.stringify(r.headers));
      return r;
    };
    const admin = await x.login('admin');
    assert.equal((await call(admin, 'POST', '/api/users', { username: 'keeper', fullName: 'Key Keeper', password: secrets.initial })).statusCode, 201);
    assert.equal((await call(admin, 'POST', '/api/users/keeper/identity', { reason: 'ID card seen' })).statusCode, 200);
    assert.equal((await call(admin, 'POST', '/api/users/keeper/roles', { study: 'hn2301', site: 'ustc-fah', role: 'coordinator' })).statusCode < 300, true);

    assert.equal((await call(null, 'POST', '/api/session', { username: 'keeper', password: secrets.wrong })).statusCode, 401);
    assert.equal((await call(null, 'POST', '/api/session', { username: 'nobody.at.all', password: secrets.wrong })).statusCode, 401);
    assert.equal((await call(null, 'POST', '/api/session/password', { username: 'keeper', password: secrets.initial, newPassword: secrets.weak })).statusCode, 400);
    assert.equal((await call(null, 'POST', '/api/session/password', { username: 'keeper', password: secrets.initial, newPassword: secrets.changed })).statusCode, 204);
    const login = await call(null, 'POST', '/api/session', { username: 'keeper', password: secrets.changed });
    assert.equal(login.statusCode, 200);
    const keeper = { cookie: String(login.headers['set-cookie']).split(';')[0]!, csrf: login.json().csrfToken };
    assert.equal((await call(keeper, 'POST', '/api/session/attestation', { password: secrets.changed })).statusCode, 201);
    const subject = await call(keeper, 'POST', '/api/subjects', { study: 'hn2301', site: 'ustc-fah', screeningNumber: 'SECRET-1' });
    assert.equal(subject.statusCode, 201);
    const sign = { table: 'subject', rowId: subject.json().id, meaning: 'authored' };
    assert.equal((await call(keeper, 'POST', '/api/signatures', { ...sign, password: secrets.wrongSign })).statusCode, 401);
    assert.equal((await call(keeper, 'POST', '/api/signatures', { ...sign, password: secrets.changed })).statusCode, 201);

    const logged = log.join('');
    assert.ok(log.length > 20 && logged.includes('"url":"/api/session"'), 'the log was captured');
    const db = await everything();
    const leaks: string[] = [];
    for (const [name, secret] of Object.entries({ ...secrets, shared: password })) {
      if (logged.includes(secret)) leaks.push(`${name} in the log`);
      if (bodies.some((b) => b.includes(secret))) leaks.push(`${name} in an answer`);
      for (const row of db) if (row.includes(secret)) leaks.push(`${name} in ${row.slice(0, 80)}`);
    }
    // The session token is a credential too: the log must not carry it.
    if (logged.includes(keeper.cookie.split('=')[1]!)) leaks.push('session token in the log');
    assert.deepEqual(leaks, []);

    const hashes = await ctx.db().query<{ hash: string }>('SELECT password_hash AS hash FROM user_credential');
    for (const { hash } of hashes) assert.match(hash, /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    const salts = hashes.flatMap(({ hash }) => hash.split('$').slice(4));
    const elsewhere = db.filter((row) => !row.startsWith('user_credential: ') && salts.some((s) => row.includes(s)));
    assert.deepEqual(elsewhere, [], 'no hash, salt or key outside user_credential');
    assert.ok(!salts.some((s) => logged.includes(s)), 'no hash in the log');
  });
});
