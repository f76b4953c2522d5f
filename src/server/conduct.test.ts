// A cohort run through the API as the site and the safety committee would run it: register,
// preview and screen from a FHIR bundle, confirm eligibility by signature, enrol, dose (sentinel
// first), and the committee's decision and signature. Every out-of-order step is a 409 naming
// the rule, and changes nothing.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { addDays } from '../domain/conduct/index.ts';
import { describeEachBackend } from '../store/test-support.ts';
import { siteDate } from '../store/trial/index.ts';
import { eligibleBundle } from '../store/trial/test-support.ts';
import { apiTrial, type Login, password } from './test-support.ts';

describeEachBackend('server conduct', (ctx) => {
  let x: Awaited<ReturnType<typeof apiTrial>>;
  let crc: Login;
  let pi: Login;
  let src: Login;
  const today = siteDate(new Date());
  const d0 = addDays(today, -100);
  const ids: Record<string, string> = {};

  before(async () => {
    x = await apiTrial(ctx.db());
    [crc, pi, src] = [await x.login('crc.li'), await x.login('pi.zhang'), await x.login('src.zhou')];
  });
  after(() => x.app.close());

  /** Registers, screens (eligible), confirms and enrols a subject on `date`; returns its id. */
  async function ready(number: string, date: string): Promise<string> {
    const added = await x.call(crc, 'POST', '/api/subjects', { study: 'hn2301', site: 'ustc-fah', screeningNumber: number });
    assert.equal(added.statusCode, 201, added.body);
    const id = added.json().id;
    const screened = await x.call(crc, 'POST', `/api/subjects/${id}/screenings`, { bundle: eligibleBundle(addDays(date, -2)), fileName: `${number}.json`, asOf: addDays(date, -2) });
    assert.equal(screened.statusCode, 201, screened.body);
    const signed = await x.call(pi, 'POST', '/api/signatures', { table: 'screening_result', rowId: screened.json().screeningResult, meaning: 'eligibility-confirmed', password });
    assert.equal(signed.statusCode, 201, signed.body);
    const enrolled = await x.call(crc, 'POST', `/api/subjects/${id}/enrolment`, { asOf: addDays(date, -1) });
    assert.equal(enrolled.statusCode, 200, enrolled.body);
    return id;
  }

  it('registers a subject at a site, and refuses a second subject with the same screening number', async () => {
    const r = await x.call(crc, 'POST', '/api/subjects', { study: 'hn2301', site: 'ustc-fah', screeningNumber: ' 001 ' });
    assert.equal(r.statusCode, 201);
    assert.deepEqual([r.json().screeningNumber, r.json().site, r.json().status, r.json().pseudonymised], ['001', 'ustc-fah', 'screening', false]);
    ids['001'] = r.json().id;
    const again = await x.call(crc, 'POST', '/api/subjects', { study: 'hn2301', site: 'ustc-fah', screeningNumber: '001' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'duplicate');
    const elsewhere = await x.call(crc, 'POST', '/api/subjects', { study: 'hn2301', site: 'ustc-fah-2', screeningNumber: '900' });
    assert.equal(elsewhere.statusCode, 404, 'a coordinator registers at their own site only');
  });

  it('previews a screening without storing it, and screens for the record with the bundle as sent', async () => {
    const bundle = eligibleBundle(addDays(d0, -3));
    const preview = await x.call(crc, 'POST', '/api/screening/preview', { study: 'hn2301', bundle: JSON.parse(bundle), asOf: addDays(d0, -3) });
    assert.equal(preview.statusCode, 200);
    assert.equal(preview.json().eligible, 'yes');
    assert.equal(preview.json().criteria.length, 15);
    assert.equal((await ctx.db().query('SELECT id FROM screening_result')).length, 0, 'a preview stores nothing');
    const broken = await x.call(crc, 'POST', '/api/screening/preview', { study: 'hn2301', bundle: '{"resourceType":' });
    assert.equal(broken.statusCode, 400);
    assert.deepEqual(broken.json().issues[0].path, ['bundle']);
    const r = await x.call(crc, 'POST', `/api/subjects/${ids['001']}/screenings`, { bundle, fileName: 'his-001.json', asOf: addDays(d0, -3) });
    assert.equal(r.statusCode, 201);
    assert.equal(r.json().outcome, 'eligible');
    assert.ok(r.json().proposals > 0);
    const [row] = await ctx.db().query<{ source_hash: string }>('SELECT source_hash FROM screening_result WHERE id = $1', [r.json().screeningResult]);
    const { createHash } = await import('node:crypto');
    assert.equal(row!.source_hash, createHash('sha256').update(bundle).digest('hex'), 'the SHA-256 of the text as sent');
    ids.screening = r.json().screeningResult;
  });

  it('refuses enrolment before an investigator confirms eligibility, with the rule, in English or Chinese, and changes nothing', async () => {
    const r = await x.call(crc, 'POST', `/api/subjects/${ids['001']}/enrolment`, { asOf: addDays(d0, -1) }, { 'accept-language': 'zh-CN' });
    assert.equal(r.statusCode, 409);
    assert.equal(r.json().code, 'conduct_refused');
    assert.equal(r.json().issues[0].code, 'eligibility_not_confirmed');
    assert.match(r.json().detail, /001/);
    assert.equal(r.json().title, '被拒绝');
    const [s] = await ctx.db().query<{ status: string }>('SELECT status FROM subject WHERE id = $1', [ids['001']]);
    assert.equal(s!.status, 'screening');
  });

  it('signs eligibility with the password again: a wrong one is refused, a coordinator may not confirm eligibility', async () => {
    const wrong = await x.call(pi, 'POST', '/api/signatures', { table: 'screening_result', rowId: ids.screening, meaning: 'eligibility-confirmed', password: 'not it at all' });
    assert.equal(wrong.statusCode, 401);
    const notHers = await x.call(crc, 'POST', '/api/signatures', { table: 'screening_result', rowId: ids.screening, meaning: 'eligibility-confirmed', password });
    assert.equal(notHers.statusCode, 403);
    assert.equal(notHers.json().code, 'meaning_not_allowed');
    const r = await x.call(pi, 'POST', '/api/signatures', { table: 'screening_result', rowId: ids.screening, meaning: 'eligibility-confirmed', password });
    assert.equal(r.statusCode, 201);
    assert.deepEqual([r.json().fullName, r.json().role, r.json().meaning, r.json().status], ['PI.ZHANG', 'investigator', 'eligibility-confirmed', 'valid']);
  });

  it('enrols into the open level and doses the sentinel at its assigned level only, scheduling the visits', async () => {
    const enrolled = await x.call(crc, 'POST', `/api/subjects/${ids['001']}/enrolment`, { asOf: addDays(d0, -1) });
    assert.equal(enrolled.statusCode, 200);
    assert.deepEqual([enrolled.json().status, enrolled.json().doseLevel, enrolled.json().cohort], ['enrolled', 1, 1]);
    const above = await x.call(crc, 'POST', `/api/subjects/${ids['001']}/doses`, { level: 2, startedAt: `${d0}T09:00:00+08:00` });
    assert.equal(above.statusCode, 409);
    assert.equal(above.json().issues[0].code, 'above_assigned_level');
    const dosed = await x.call(crc, 'POST', `/api/subjects/${ids['001']}/doses`, { level: 1, startedAt: `${d0}T09:00:00+08:00` });
    assert.equal(dosed.statusCode, 201);
    assert.equal(dosed.json().subject.status, 'dosed');
    assert.equal(dosed.json().dose.startedAt, `${d0}T01:00:00.000Z`);
    assert.ok(dosed.json().visits.length > 10);
    const badTime = await x.call(crc, 'POST', `/api/subjects/${ids['001']}/doses`, { level: 1, startedAt: '2026-03-02 09:00' });
    assert.equal(badTime.statusCode, 400);
    assert.equal(badTime.json().issues[0].code, 'invalid_instant');
  });

  it('makes the next subject wait for the sentinel, then fills the cohort', async () => {
    const second = await ready('002', addDays(d0, 1));
    const early = await x.call(crc, 'POST', `/api/subjects/${second}/doses`, { level: 1, startedAt: `${addDays(d0, 13)}T09:00:00+08:00` });
    assert.equal(early.statusCode, 409);
    assert.deepEqual([early.json().issues[0].code, early.json().issues[0].params.until], ['sentinel_wait', addDays(d0, 14)]);
    assert.match(early.json().issues[0].message, new RegExp(addDays(d0, 14)));
    assert.equal((await x.call(crc, 'POST', `/api/subjects/${second}/doses`, { level: 1, startedAt: `${addDays(d0, 14)}T09:00:00+08:00` })).statusCode, 201);
    const third = await ready('003', addDays(d0, 1));
    assert.equal((await x.call(crc, 'POST', `/api/subjects/${third}/doses`, { level: 1, startedAt: `${addDays(d0, 15)}T09:00:00+08:00` })).statusCode, 201);
  });

  it('shows status, dashboard and recommendation from the live record', async () => {
    const status = await x.call(crc, 'GET', `/api/studies/hn2301/status?asOf=${addDays(d0, 30)}`);
    assert.equal(status.statusCode, 200);
    assert.deepEqual(status.json().subjects.map((s: { number: string; dlt: string }) => [s.number, s.dlt]), [['001', 'no-dlt'], ['002', 'pending'], ['003', 'pending']]);
    assert.equal(status.json().recommendation.decision, 'wait');
    assert.deepEqual(status.json().recommendation.needed, ['002', '003']);
    assert.equal(status.json().blockers[0].code, 'dlt_window_open');
    const dash = await x.call(src, 'GET', `/api/studies/hn2301/dashboard?asOf=${addDays(d0, 30)}`);
    assert.equal(dash.statusCode, 200);
    assert.deepEqual(dash.json().doseLevels[0], { level: 1, label: 'DL1', planned: 3, enrolled: 3, dosed: 3, dlts: 0, pending: 2 });
    assert.equal(dash.json().nextDecision.canBeTakenOn, addDays(d0, 44), 'the day after the last DLT window');
    assert.equal(dash.json().cohorts[0].sentinelWaitUntil, addDays(d0, 14));
    const rec = await x.call(src, 'GET', `/api/studies/hn2301/recommendation?asOf=${addDays(d0, 44)}`);
    assert.equal(rec.statusCode, 200);
    assert.deepEqual([rec.json().decision.decision, rec.json().decision.nextDose], ['escalate', 2]);
    assert.ok(rec.json().decision.explanationText.length > 0);
    assert.equal(typeof rec.json().decision.reasonText, 'string');
    const badDate = await x.call(src, 'GET', '/api/studies/hn2301/status?asOf=2026-02-30');
    assert.equal(badDate.statusCode, 400);
    assert.deepEqual([badDate.json().issues[0].path, badDate.json().issues[0].code], [['asOf'], 'invalid_date']);
  });

  it('lets the safety committee decide once the windows are over, and sign; a departure needs a reason', async () => {
    const early = await x.call(src, 'POST', '/api/studies/hn2301/decisions', { nextLevel: 2, asOf: addDays(d0, 30) });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().issues[0].code, 'dlt_window_open');
    const departs = await x.call(src, 'POST', '/api/studies/hn2301/decisions', { nextLevel: 1, asOf: addDays(d0, 44) });
    assert.equal(departs.statusCode, 409);
    assert.equal(departs.json().issues[0].code, 'decision_override_reason_required');
    const notSrc = await x.call(pi, 'POST', '/api/studies/hn2301/decisions', { nextLevel: 2, asOf: addDays(d0, 44) });
    assert.equal(notSrc.statusCode, 403);
    const decided = await x.call(src, 'POST', '/api/studies/hn2301/decisions', { nextLevel: 2, asOf: addDays(d0, 44) });
    assert.equal(decided.statusCode, 201);
    assert.deepEqual([decided.json().cohort, decided.json().nextLevel], [1, 2]);
    const signed = await x.call(src, 'POST', '/api/studies/hn2301/decisions/1/signature', { password });
    assert.equal(signed.statusCode, 201);
    assert.equal(signed.json().meaning, 'escalation-approved');
    const twice = await x.call(src, 'POST', '/api/studies/hn2301/decisions/1/signature', { password });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().issues[0].code, 'decision_already_signed');
    const status = await x.call(crc, 'GET', '/api/studies/hn2301/status');
    assert.deepEqual([status.json().cohort, status.json().doseLevel], [2, 2]);
  });

  it('lets the investigator withdraw a subject, with a reason', async () => {
    const added = await x.call(crc, 'POST', '/api/subjects', { study: 'hn2301', site: 'ustc-fah', screeningNumber: '004' });
    const id = added.json().id;
    const noReason = await x.call(pi, 'POST', `/api/subjects/${id}/status`, { status: 'withdrawn', reason: '  ' });
    assert.equal(noReason.statusCode, 400);
    assert.deepEqual(noReason.json().issues.map((i: { path: string[]; code: string }) => [i.path[0], i.code]), [['reason', 'required']]);
    const r = await x.call(pi, 'POST', `/api/subjects/${id}/status`, { status: 'withdrawn', reason: 'consent withdrawn' });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().status, 'withdrawn');
    const [audit] = await ctx.db().query<{ reason: string; user_id: string }>(`SELECT reason, user_id FROM audit_log WHERE table_name = 'subject' AND row_id = $1 AND field = 'status' ORDER BY seq DESC LIMIT 1`, [id]);
    assert.deepEqual([audit!.reason, audit!.user_id], ['consent withdrawn', 'pi.zhang']);
  });
});
