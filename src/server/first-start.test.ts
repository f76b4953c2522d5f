// The first start: the protocol's study and the administrator (password from the environment or
// made up and shown once), or the demo trial; a second start changes nothing.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { authenticate } from '../store/access/index.ts';
import { describeEachBackend } from '../store/test-support.ts';
import { hn2301 } from '../store/trial/test-support.ts';
import { cheapHashing } from '../store/trial/test-support.ts';
import { firstStart } from './first-start.ts';

describeEachBackend('server first start', (ctx) => {
  it('registers the study and an administrator with a one-time password, once', async () => {
    const db = await ctx.fresh();
    const first = await firstStart(db, { protocol: hn2301(), demo: false, today: '2026-06-01', policy: cheapHashing });
    assert.equal(first.created, 'study');
    assert.match(first.generatedAdminPassword ?? '', /^[A-Za-z0-9_-]{24}$/);
    await authenticate(db, { username: 'admin', password: first.generatedAdminPassword! });
    const roles = await db.query<{ role: string; site_id: string | null }>(`SELECT r.role, r.site_id FROM user_role r JOIN app_user u ON u.id = r.user_id WHERE u.username = 'admin'`);
    assert.deepEqual(roles, [{ role: 'administrator', site_id: null }]);
    const second = await firstStart(db, { protocol: hn2301(), demo: false, today: '2026-06-01', policy: cheapHashing });
    assert.deepEqual([second.created, second.generatedAdminPassword, second.adminCreated], ['nothing', null, false]);
  });

  it('takes the administrator\'s password from the environment when given', async () => {
    const db = await ctx.fresh();
    const start = await firstStart(db, { protocol: hn2301(), demo: false, today: '2026-06-01', adminPassword: 'chosen by the hospital', policy: cheapHashing });
    assert.equal(start.generatedAdminPassword, null);
    await authenticate(db, { username: 'admin', password: 'chosen by the hospital' });
  });
});
