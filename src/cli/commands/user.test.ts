import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { Language } from '../../i18n/index.ts';
import { authenticate, openStore } from '../../store/index.ts';
import { seedDataDir, seedTrial } from '../../store/test-support.ts';
import { runCli, runProgram } from '../test-support.ts';
import { registerUserCommands } from './user.ts';

/** The user commands on a program of their own, standard input given by the test. */
const run = (argv: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string; language?: Language } = {}) =>
  runProgram([(program, language, io, env) => registerUserCommands(program, language, io, env, Readable.from([options.stdin ?? '']))], argv, options);

const password = 'Lupus-trial-2026-Hefei';

describe('firstdose user add, verify, grant, list (PGlite)', () => {
  const root = mkdtempSync(join(tmpdir(), 'firstdose-cli-user-'));
  const data = join(root, 'data');
  const as = ['--data', data, '--as', 'admin.zhou'];
  before(async () => {
    await seedDataDir(data);
    const db = await openStore({ dataDir: data });
    try {
      await seedTrial(db, 1, 'HN2301');
    } finally {
      await db.close();
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('add takes the password from FIRSTDOSE_PASSWORD, never prints it, and the account can log in', async () => {
    const r = await run(['user', 'add', 'li.wei', '--name', 'Li Wei', ...as], { env: { FIRSTDOSE_PASSWORD: password } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'Created user li.wei (Li Wei). Next: verify their identity (firstdose user verify li.wei) and grant roles.');
    const db = await openStore({ dataDir: data, mustExist: true });
    try {
      assert.equal((await authenticate(db, { username: 'li.wei', password })).fullName, 'Li Wei');
      const [who] = await db.query<{ user_id: string }>(`SELECT DISTINCT user_id FROM audit_log WHERE table_name = 'app_user' AND new_value = '"li.wei"'`);
      assert.equal(who!.user_id, 'admin.zhou');
    } finally {
      await db.close();
    }
  });

  it('add reads the password from the first line of standard input; --json prints the account without any secret', async () => {
    const r = await run(['user', 'add', 'Wang.Fang', '--name', 'Wang Fang', ...as, '--json'], { stdin: `${password}\nignored\n` });
    assert.equal(r.code, 0, r.stderr);
    const { user } = JSON.parse(r.stdout) as { user: Record<string, unknown> };
    assert.deepEqual([user.username, user.fullName, user.active, user.identityVerifiedAt], ['wang.fang', 'Wang Fang', true, null]);
    assert.doesNotMatch(r.stdout, /scrypt|Lupus/);
  });

  it('refuses: no password (exit 2), a weak password or a used username (exit 1), no --as (exit 2)', async () => {
    const none = await run(['user', 'add', 'chen.jing', '--name', 'Chen Jing', ...as]);
    assert.deepEqual([none.code, none.stderr], [2, 'password: none given; set FIRSTDOSE_PASSWORD or type it on standard input']);
    const weak = await run(['user', 'add', 'chen.jing', '--name', 'Chen Jing', ...as], { env: { FIRSTDOSE_PASSWORD: 'short' } });
    assert.deepEqual([weak.code, weak.stderr], [1, 'password: must be at least 12 characters long']);
    const taken = await run(['user', 'add', 'li.wei', '--name', 'Another Li Wei', ...as], { env: { FIRSTDOSE_PASSWORD: password } });
    assert.deepEqual([taken.code, taken.stderr], [1, 'li.wei: this username is or was in use; a username is never reused or reassigned']);
    const anonymous = await run(['user', 'add', 'chen.jing', '--name', 'Chen Jing', '--data', data], { env: { FIRSTDOSE_PASSWORD: password } });
    assert.equal(anonymous.code, 2);
    const zh = await run(['user', 'add', 'chen.jing', '--name', 'Chen Jing', ...as], { env: { FIRSTDOSE_PASSWORD: 'chen.jing-2026-pw' }, language: 'zh-CN' });
    assert.deepEqual([zh.code, zh.stderr], [1, '密码：不得包含用户名']);
  });

  it('verify needs a reason and records who verified', async () => {
    const bare = await run(['user', 'verify', 'li.wei', ...as]);
    assert.deepEqual([bare.code, bare.stderr], [1, 'app_user: a reason is required for every change after first entry']);
    const r = await run(['user', 'verify', 'li.wei', ...as, '--reason', 'resident ID card checked in person']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Identity of li\.wei \(Li Wei\) verified by admin\.zhou at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const missing = await run(['user', 'verify', 'nobody', ...as, '--reason', 'x']);
    assert.deepEqual([missing.code, missing.stderr], [1, 'app_user nobody: no such record']);
  });

  it('grant gives a site role or a study-wide one, and names a bad role, site or study', async () => {
    const site = await run(['user', 'grant', 'li.wei', 'investigator', '--site', '01', ...as]);
    assert.deepEqual([site.code, site.stdout], [0, 'li.wei is now investigator in HN2301 at 01']);
    const wide = await run(['user', 'grant', 'wang.fang', 'monitor', ...as, '--json']);
    assert.equal(wide.code, 0, wide.stderr);
    const { role } = JSON.parse(wide.stdout) as { role: Record<string, unknown> };
    assert.deepEqual([role.role, role.siteId, role.studyCode, role.siteCode, role.active], ['monitor', null, 'HN2301', null, true]);
    const again = await run(['user', 'grant', 'wang.fang', 'monitor', ...as]);
    assert.deepEqual([again.code, again.stderr], [1, 'wang.fang already holds the role monitor there']);
    const badRole = await run(['user', 'grant', 'li.wei', 'pi', ...as]);
    assert.equal(badRole.code, 2);
    assert.match(badRole.stderr, /^ROLE: 'pi' is not one of administrator, investigator, /);
    const badSite = await run(['user', 'grant', 'li.wei', 'coordinator', '--site', '99', ...as]);
    assert.deepEqual([badSite.code, badSite.stderr], [2, "--site: no site '99' in study HN2301"]);
    const badStudy = await run(['user', 'grant', 'li.wei', 'coordinator', '--study', 'XX', ...as]);
    assert.deepEqual([badStudy.code, badStudy.stderr], [2, "--study: no study 'XX' (studies: HN2301)"]);
  });

  it('list shows state and roles, in English, Chinese and JSON', async () => {
    const r = await run(['user', 'list', '--data', data]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.split('\n'), [
      'li.wei  Li Wei  [active, identity verified, signature not attested]  investigator @ HN2301/01',
      'wang.fang  Wang Fang  [active, identity not verified, signature not attested]  monitor @ HN2301',
    ]);
    const zh = await run(['user', 'list', '--data', data], { language: 'zh-CN' });
    assert.equal(zh.stdout.split('\n')[0], 'li.wei  Li Wei  [有效, 身份已核实, 未声明电子签名]  研究者 @ HN2301/01');
    const json = await run(['user', 'list', '--data', data, '--json']);
    const { users } = JSON.parse(json.stdout) as { users: { username: string; locked: boolean; roles: { role: string; study: string; site: string | null }[] }[] };
    assert.deepEqual(
      users.map((u) => [u.username, u.locked, u.roles.map((x) => [x.role, x.study, x.site])]),
      [
        ['li.wei', false, [['investigator', 'HN2301', '01']]],
        ['wang.fang', false, [['monitor', 'HN2301', null]]],
      ],
    );
    assert.doesNotMatch(json.stdout, /scrypt/);
  });

  it('attest signs the statement with the user\'s own password; a wrong one is refused', async () => {
    const wrong = await run(['user', 'attest', 'li.wei', '--data', data], { env: { FIRSTDOSE_PASSWORD: 'not-the-password-1' } });
    assert.equal(wrong.code, 1);
    const r = await run(['user', 'attest', 'li.wei', '--data', data], { env: { FIRSTDOSE_PASSWORD: password } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^li\.wei \(Li Wei\) attested at \d{4}-.*: electronic signature equals handwritten signature$/);
    const list = await run(['user', 'list', '--data', data]);
    assert.match(list.stdout.split('\n')[0]!, /identity verified, signature attested\]/);
  });
});

describe('firstdose user (registration and help)', () => {
  it('is registered in the firstdose command, with help in English and Chinese', async () => {
    const en = await runCli(['user', '--help']);
    assert.equal(en.code, 0);
    assert.match(en.stdout, /user accounts: create, verify identity, grant roles per site, list/);
    assert.match(en.stdout, /add \[options\] <username>/);
    const zh = await runCli(['user', 'add', '--help', '--lang', 'zh-CN']);
    assert.equal(zh.code, 0);
    assert.match(zh.stdout, /创建账户；密码取自 FIRSTDOSE_PASSWORD 或标准输入，绝不取自命令行/);
    assert.match(zh.stdout, /本人全名，与其签名一同显示/);
  });
});
