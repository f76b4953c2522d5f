// Kept pages follow the record: the trial status and a subject's record are served again only
// while nothing they rest on changed, whoever changed it (the API, or the CLI through the store).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { addDays } from '../domain/conduct/index.ts';
import { describeEachBackend } from '../store/test-support.ts';
import { addSubject, auditHead, enterObservation, raiseQuery, siteDate, trialStatus } from '../store/trial/index.ts';
import { ChangeFeed } from './cache.ts';
import { apiTrial, type Login } from './test-support.ts';

describeEachBackend('server kept pages', (ctx) => {
  let x: Awaited<ReturnType<typeof apiTrial>>;
  let crc: Login;
  let subjectId: string;
  const today = siteDate(new Date());
  before(async () => {
    x = await apiTrial(ctx.db());
    subjectId = (await x.dosedSubject('001', addDays(today, -10))).subject.id;
    crc = await x.login('crc.li');
  });
  after(() => x.app.close());

  const status = async () => (await x.call(crc, 'GET', '/api/studies/hn2301/status')).json();

  it('serves the status again unchanged, and anew after a change made past the API', async () => {
    const first = await status();
    assert.deepEqual(await status(), first);
    await addSubject(ctx.db(), { user: 'crc.li' }, { studyId: x.study.id, siteId: x.site.id, screeningNumber: '002' });
    const after = await status();
    assert.deepEqual(after.subjects.map((s: { number: string }) => s.number), ['001', '002']);
    const fresh = await trialStatus(ctx.db(), x.study.id, today);
    assert.deepEqual([after.openQueries, after.proposals, after.adverseEvents], [fresh.openQueries, fresh.proposals, fresh.adverseEvents]);
  });

  it('counts a query raised since, while the rest is kept', async () => {
    const before = await status();
    const o = await enterObservation(ctx.db(), x.crc, { subjectId, kind: 'vital', code: 'weight', valueNum: 60, unit: 'kg', observedAt: new Date() });
    await raiseQuery(ctx.db(), { user: 'cra.wang' }, { studyId: x.study.id, subjectId, tableName: 'observation', rowId: o.id, text: 'source?' });
    const after = await status();
    assert.equal(after.openQueries, before.openQueries + 1);
    assert.equal(after.openQueries, (await trialStatus(ctx.db(), x.study.id, today)).openQueries);
  });

  it('shows a subject\'s new observation, and another subject\'s change leaves it kept', async () => {
    const page = async () => (await x.call(crc, 'GET', `/api/subjects/${subjectId}`)).json();
    const first = await page();
    await enterObservation(ctx.db(), x.crc, { subjectId, kind: 'vital', code: 'weight', valueNum: 58, unit: 'kg', observedAt: new Date() });
    const second = await page();
    assert.equal(second.observations.length, first.observations.length + 1);
    const other = await addSubject(ctx.db(), { user: 'crc.li' }, { studyId: x.study.id, siteId: x.site.id, screeningNumber: '003' });
    await enterObservation(ctx.db(), x.crc, { subjectId: other.id, kind: 'vital', code: 'weight', valueNum: 70, unit: 'kg', observedAt: new Date() });
    assert.deepEqual(await page(), second);
  });
});

describeEachBackend('server change feed', (ctx) => {
  it('finds a change after a sequence and up to the head only, and answers anew past what it holds', async () => {
    const db = ctx.db();
    const x = await apiTrial(db);
    try {
      const s = await addSubject(db, { user: 'crc.li' }, { studyId: x.study.id, siteId: x.site.id, screeningNumber: '010' });
      const feed = new ChangeFeed(db);
      const small = new ChangeFeed(db, 5);
      const start = await auditHead(db);
      feed.begin(start);
      small.begin(start);
      const mine = { tables: ['subject', 'observation'], subject: { id: s.id, rowIds: [] } };
      const listing = { tables: ['subject', 'site', 'study'] };
      await enterObservation(db, { user: 'crc.li' }, { subjectId: s.id, kind: 'vital', code: 'weight', valueNum: 60, unit: 'kg', observedAt: new Date() });
      const middle = await auditHead(db);
      const other = await addSubject(db, { user: 'crc.li' }, { studyId: x.study.id, siteId: x.site.id, screeningNumber: '011' });
      const end = await auditHead(db);
      assert.equal(await feed.touched(mine, start, middle), true, 'its new observation');
      assert.equal(await feed.touched(listing, start, middle), false, 'an observation leaves the list');
      assert.equal(await feed.touched(listing, middle, end), true, 'a new subject does not');
      assert.equal(await feed.touched(listing, start, middle), false, 'what came after the head is not asked about');
      assert.equal(await feed.touched({ tables: ['subject'], subject: { id: s.id, rowIds: [] } }, middle, end), false, `another subject (${other.screeningNumber})`);
      assert.equal(await small.touched({ tables: ['visit'] }, start, end), true, 'older than what it holds: anew');
      assert.equal(await small.touched({ tables: ['visit'] }, end, end), false);
    } finally {
      await x.app.close();
    }
  });
});
