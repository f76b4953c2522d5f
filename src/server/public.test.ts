// The public study page's API, without a session: the listing from the protocol in both
// languages, the self-check, and contact requests, stored only with consent and read by the
// site's staff (who reads them is on record).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachBackend } from '../store/test-support.ts';
import { apiTrial } from './test-support.ts';

describeEachBackend('server public page', (ctx) => {
  let x: Awaited<ReturnType<typeof apiTrial>>;
  before(async () => {
    x = await apiTrial(ctx.db());
  });
  after(() => x.app.close());

  it('lists the study as patients see it: title, sites with status, eligibility in plain words in both languages', async () => {
    const r = await x.call(null, 'GET', '/api/public/studies/hn2301');
    assert.equal(r.statusCode, 200);
    const l = r.json();
    assert.equal(l.registryId, 'NCT06801119');
    assert.match(l.title['zh-CN'], /系统性红斑狼疮/);
    assert.deepEqual(l.sites.map((s: { code: string; status: string }) => [s.code, s.status]), [['ustc-fah', 'recruiting'], ['ustc-fah-2', 'not-yet-recruiting']]);
    assert.equal(l.eligibility.length, 15);
    assert.equal(l.eligibility[0].text.en, 'Aged 18 to 69 years inclusive on the screening date.');
    assert.ok(l.selfCheck.medicines.some((m: { agent: string }) => m.agent === 'hydroxychloroquine'));
    assert.equal((await x.call(null, 'GET', '/api/public/studies/nope')).statusCode, 404);
  });

  it('answers the self-check naming the criterion that rules the patient out, in the language asked for, storing nothing', async () => {
    const answers = { age: 72, sex: 'female', sleDiagnosed: true, sleDiagnosedMonthsAgo: 30, prednisoneMgPerDay: 10, currentMedicines: ['hydroxychloroquine', 'azathioprine'] };
    const before = await ctx.db().query('SELECT seq FROM audit_log');
    const r = await x.call(null, 'POST', '/api/public/studies/hn2301/self-check', { answers }, { 'accept-language': 'zh-CN' });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().outcome, 'not-eligible');
    assert.deepEqual(r.json().reasons.map((x: { criterion: string }) => x.criterion), ['age']);
    assert.equal(r.json().reasons[0].text, '筛选日年龄 18 至 69 周岁（含）。');
    assert.equal((await ctx.db().query('SELECT seq FROM audit_log')).length, before.length);
    const ok = await x.call(null, 'POST', '/api/public/studies/hn2301/self-check', { answers: { ...answers, age: 40 } });
    assert.equal(ok.json().outcome, 'may-be-eligible');
    assert.match(ok.json().message, /contact the site/);
    const bad = await x.call(null, 'POST', '/api/public/studies/hn2301/self-check', { answers: { ...answers, age: 140, currentMedicines: ['aspirin'] } });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().issues.map((i: { path: (string | number)[] }) => i.path.join('.')), ['answers.age']);
    const drug = await x.call(null, 'POST', '/api/public/studies/hn2301/self-check', { answers: { ...answers, currentMedicines: ['aspirin'] } });
    assert.deepEqual(drug.json().issues.map((i: { path: (string | number)[]; code: string }) => [i.path.join('.'), i.code]), [['answers.currentMedicines.0', 'invalid_choice']]);
  });

  it('stores a contact request only with consent, audited, and shows it to the site\'s staff only', async () => {
    const without = await x.call(null, 'POST', '/api/public/studies/hn2301/contact-requests', { name: 'Li Hua', phone: '+86 138 0000 0000', consent: false });
    assert.equal(without.statusCode, 400);
    assert.equal(without.json().issues[0].code, 'consent_required');
    assert.equal((await ctx.db().query('SELECT id FROM contact_request')).length, 0);
    const badSite = await x.call(null, 'POST', '/api/public/studies/hn2301/contact-requests', { name: 'Li Hua', phone: '+86 138 0000 0000', site: 'elsewhere', consent: true });
    assert.equal(badSite.statusCode, 400);
    const r = await x.call(null, 'POST', '/api/public/studies/hn2301/contact-requests', { name: 'Li Hua', phone: '+86 138 0000 0000', site: 'ustc-fah', consent: true }, { 'accept-language': 'zh-CN' });
    assert.equal(r.statusCode, 201);
    await x.call(null, 'POST', '/api/public/studies/hn2301/contact-requests', { name: 'Zhao Lei', phone: '+86 139 0000 0000', site: 'ustc-fah-2', consent: true });
    const [audit] = await ctx.db().query<{ user_id: string }>(`SELECT user_id FROM audit_log WHERE table_name = 'contact_request' LIMIT 1`);
    assert.equal(audit!.user_id, 'system:public');
    const crc = await x.login('crc.li');
    const seen = await x.call(crc, 'GET', '/api/studies/hn2301/contact-requests');
    assert.equal(seen.statusCode, 200);
    assert.deepEqual(seen.json().map((c: { name: string; site: string; language: string }) => [c.name, c.site, c.language]), [['Li Hua', 'ustc-fah', 'zh-CN']]);
    const [event] = await ctx.db().query<{ kind: string }>(`SELECT kind FROM security_event WHERE username = 'crc.li' AND kind = 'view_identifying'`);
    assert.equal(event?.kind, 'view_identifying');
    assert.equal((await x.call(await x.login('cra.wang'), 'GET', '/api/studies/hn2301/contact-requests')).statusCode, 403);
  });
});
