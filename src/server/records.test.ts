// The clinical record through the API: imported values reviewed, entries checked like the CLI's
// (unit, visit of this subject), corrections against the version they were based on, visits,
// adverse events graded from their basis with the investigator's signed DLT call, the subject's
// whole record, signatures with their status, audit trails, and data queries from question to
// close. A sponsor viewer sees the same subject by pseudonym and without free text.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { addDays } from '../domain/conduct/index.ts';
import { describeEachBackend } from '../store/test-support.ts';
import { siteDate, visitsOf } from '../store/trial/index.ts';
import { apiTrial, type Login, password } from './test-support.ts';
import { pseudonym } from './views/pseudonym.ts';

describeEachBackend('server records', (ctx) => {
  let x: Awaited<ReturnType<typeof apiTrial>>;
  let crc: Login;
  let pi: Login;
  let cra: Login;
  let subjectId: string;
  const today = siteDate(new Date());
  const d0 = addDays(today, -40);
  const made: Record<string, { id: string; version: number }> = {};

  before(async () => {
    x = await apiTrial(ctx.db());
    subjectId = (await x.dosedSubject('001', d0)).subject.id;
    [crc, pi, cra] = [await x.login('crc.li'), await x.login('pi.zhang'), await x.login('cra.wang')];
  });
  after(() => x.app.close());

  it('accepts or rejects an imported value: a rejection needs a reason', async () => {
    const [a, b] = await ctx.db().query<{ id: string }>(`SELECT id FROM observation WHERE subject_id = $1 AND status = 'proposed' ORDER BY import_row LIMIT 2`, [subjectId]);
    const noReason = await x.call(crc, 'POST', `/api/observations/${b!.id}/review`, { decision: 'reject' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().issues[0].code, 'reason_required');
    assert.equal((await x.call(crc, 'POST', `/api/observations/${a!.id}/review`, { decision: 'accept' })).json().status, 'final');
    assert.equal((await x.call(crc, 'POST', `/api/observations/${b!.id}/review`, { decision: 'reject', reason: 'repeat test' })).json().status, 'rejected');
    const again = await x.call(crc, 'POST', `/api/observations/${a!.id}/review`, { decision: 'accept' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().issues[0].code, 'not_proposed');
  });

  it('enters an observation, refusing an unknown unit and a visit of another subject', async () => {
    const r = await x.call(crc, 'POST', `/api/subjects/${subjectId}/observations`, { kind: 'lab', code: 'anc', valueNum: 0.8, unit: '10*9/L', refLow: 1.8, refHigh: 6.3, observedAt: addDays(d0, 7) });
    assert.equal(r.statusCode, 201);
    assert.equal(r.json().status, 'final');
    made.anc = { id: r.json().id, version: r.json().version };
    const unit = await x.call(crc, 'POST', `/api/subjects/${subjectId}/observations`, { kind: 'lab', code: 'anc', valueNum: 0.8, unit: 'mg%', observedAt: d0 });
    assert.equal(unit.statusCode, 400);
    assert.equal(unit.json().issues[0].code, 'unknown_unit');
    const other = (await x.dosedSubject('002', addDays(d0, 14))).subject.id;
    const [visit] = await visitsOf(ctx.db(), other, today);
    const wrongVisit = await x.call(crc, 'POST', `/api/subjects/${subjectId}/observations`, { kind: 'vital', code: 'weight', valueNum: 60, unit: 'kg', observedAt: d0, visitId: visit!.id });
    assert.equal(wrongVisit.statusCode, 400);
    assert.deepEqual(wrongVisit.json().issues[0].path, ['visitId']);
  });

  it('corrects a value with a reason against its version; a stale version is a conflict that changes nothing', async () => {
    const noReason = await x.call(crc, 'PATCH', `/api/observations/${made.anc!.id}`, { version: 1, changes: { valueNum: 0.9 } });
    assert.equal(noReason.statusCode, 400);
    const r = await x.call(crc, 'PATCH', `/api/observations/${made.anc!.id}`, { version: 1, reason: 'transcription error', changes: { valueNum: 0.9 } });
    assert.equal(r.statusCode, 200);
    assert.deepEqual([r.json().valueNum, r.json().version], [0.9, 2]);
    const stale = await x.call(crc, 'PATCH', `/api/observations/${made.anc!.id}`, { version: 1, reason: 'again', changes: { valueNum: 1.0 } });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'conflict');
    const badUnit = await x.call(crc, 'PATCH', `/api/observations/${made.anc!.id}`, { version: 2, reason: 'unit', changes: { unit: 'mg%' } });
    assert.equal(badUnit.statusCode, 400);
    const unknownField = await x.call(crc, 'PATCH', `/api/observations/${made.anc!.id}`, { version: 2, reason: 'x', changes: { subjectId } });
    assert.equal(unknownField.statusCode, 400);
    assert.equal(unknownField.json().issues[0].code, 'unknown_field');
    const audit = await x.call(cra, 'GET', `/api/records/observation/${made.anc!.id}/audit`);
    assert.equal(audit.statusCode, 200);
    const change = audit.json().find((e: { field: string; operation: string }) => e.field === 'value_num' && e.operation === 'UPDATE');
    assert.deepEqual([change.oldValue, change.newValue, change.user, change.reason], [0.8, 0.9, 'crc.li', 'transcription error']);
  });

  it('refuses a correction that changes nothing (empty changes) with 400 naming `changes`, in English and Chinese, and the record stays as it was', async () => {
    const before = await ctx.db().query<{ version: number; value_num: string }>('SELECT version, value_num FROM observation WHERE id = $1', [made.anc!.id]);
    const empty = await x.call(crc, 'PATCH', `/api/observations/${made.anc!.id}`, { version: before[0]!.version, reason: 'nothing', changes: {} });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().code, 'invalid_input');
    assert.deepEqual(empty.json().issues.map((i: { path: string[]; code: string }) => [i.path.join('.'), i.code]), [['changes', 'nothing_to_change']]);
    assert.match(empty.json().detail, /^changes: .*at least one field/);
    const zh = await x.call(crc, 'PATCH', `/api/observations/${made.anc!.id}`, { version: before[0]!.version, reason: 'nothing', changes: {} }, { 'accept-language': 'zh-CN' });
    assert.equal(zh.statusCode, 400);
    assert.match(zh.json().detail, /^changes：.*至少/);
    assert.deepEqual(await ctx.db().query('SELECT version, value_num FROM observation WHERE id = $1', [made.anc!.id]), before);
    // The OpenAPI document states the rule, so a client can know it before sending.
    const doc = (await x.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const body = doc.paths['/api/observations/{id}'].patch.requestBody.content['application/json'].schema;
    assert.equal(body.properties.changes.minProperties, 1);
  });

  it('refuses a correction whose version is past what the database holds (an integer), naming `version` (was a 500 from the database; found by the fuzz test, seed 99142)', async () => {
    const before = await ctx.db().query('SELECT version, value_num FROM observation WHERE id = $1', [made.anc!.id]);
    const r = await x.call(crc, 'PATCH', `/api/observations/${made.anc!.id}`, { version: 7913717807383415, reason: 'x', changes: { valueNum: 1 } });
    assert.equal(r.statusCode, 400, r.body);
    assert.deepEqual(r.json().issues.map((i: { path: string[]; code: string; params: { maximum: number } }) => [i.path.join('.'), i.code, i.params.maximum]), [['version', 'too_big', 2147483647]]);
    assert.deepEqual(await ctx.db().query('SELECT version, value_num FROM observation WHERE id = $1', [made.anc!.id]), before);
  });

  it('records a visit and an assessment at it', async () => {
    const visit = (await visitsOf(ctx.db(), subjectId, today)).find((v) => v.visitCode === 'd28')!;
    const r = await x.call(crc, 'POST', `/api/visits/${visit.id}`, { actualDate: visit.plannedDate, sourceRef: 'HIS-123' });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().status, 'done');
    const twice = await x.call(crc, 'POST', `/api/visits/${visit.id}`, { actualDate: visit.plannedDate });
    assert.equal(twice.statusCode, 409);
    const a = await x.call(crc, 'POST', `/api/subjects/${subjectId}/assessments`, {
      assessment: { sledai2k: { items: ['arthritis', 'rash'] }, pga: 1.1, prednisoneMgPerDay: 10 },
      observedAt: visit.plannedDate,
      visitId: visit.id,
    });
    assert.equal(a.statusCode, 201);
    assert.deepEqual(a.json().map((o: { kind: string }) => o.kind).sort(), ['glucocorticoid', 'pga', 'sledai2k']);
    const bad = await x.call(crc, 'POST', `/api/subjects/${subjectId}/assessments`, { assessment: { pga: 9 }, observedAt: today });
    assert.equal(bad.statusCode, 400);
  });

  it('grades an adverse event from its lab value, and from CRS findings; the investigator adjudicates the DLT with a signature', async () => {
    const lab = await x.call(pi, 'POST', `/api/subjects/${subjectId}/adverse-events`, {
      term: 'Neutrophil count decreased',
      grading: 'ctcae',
      onsetDate: addDays(d0, 7),
      basis: { observationId: made.anc!.id },
      relatedness: 'probable',
    });
    assert.equal(lab.statusCode, 201, lab.body);
    assert.equal(lab.json().event.grade, 3);
    assert.equal(lab.json().autoGrade.grade, 3);
    const crs = await x.call(crc, 'POST', `/api/subjects/${subjectId}/adverse-events`, {
      term: 'Cytokine release syndrome',
      grading: 'astct-crs',
      onsetDate: addDays(d0, 1),
      basis: { findings: { syndrome: 'crs', findings: { feverC: 39, hypotension: 'fluids', oxygen: 'none' } } },
      relatedness: 'definite',
      serious: true,
    });
    assert.equal(crs.statusCode, 201);
    assert.equal(crs.json().event.grade, 2);
    const ungraded = await x.call(crc, 'POST', `/api/subjects/${subjectId}/adverse-events`, { term: 'Headache', grading: 'ctcae', onsetDate: today, relatedness: 'unlikely' });
    assert.equal(ungraded.statusCode, 400);
    assert.equal(ungraded.json().issues[0].code, 'required');
    const byCrc = await x.call(crc, 'POST', `/api/adverse-events/${lab.json().event.id}/dlt`, { dlt: 'no', reason: 'resolved in 5 days', password });
    assert.equal(byCrc.statusCode, 403);
    const r = await x.call(pi, 'POST', `/api/adverse-events/${lab.json().event.id}/dlt`, { dlt: 'no', reason: 'resolved in 5 days', password });
    assert.equal(r.statusCode, 200);
    assert.deepEqual([r.json().event.dlt, r.json().signature.meaning, r.json().signature.status], ['no', 'dlt-adjudicated', 'valid']);
    const sigs = await x.call(cra, 'GET', `/api/records/adverse_event/${lab.json().event.id}/signatures`);
    assert.deepEqual(sigs.json().map((s: { meaning: string; status: string }) => [s.meaning, s.status]), [['dlt-adjudicated', 'valid']]);
    made.sae = { id: crs.json().event.id, version: 1 };
  });

  it('shows the whole subject: screenings, doses, visits with their state, events, observations, efficacy and signatures', async () => {
    const r = await x.call(pi, 'GET', `/api/subjects/${subjectId}`);
    assert.equal(r.statusCode, 200);
    const s = r.json();
    assert.equal(s.screeningNumber, '001');
    assert.equal(s.screenings.length, 1);
    assert.equal(s.screenings[0].evaluation.eligible, 'yes');
    assert.equal(s.doses.length, 1);
    assert.ok(s.visits.some((v: { visitCode: string; state: string }) => v.visitCode === 'd28' && v.state === 'done'));
    assert.ok(s.visits.some((v: { state: string }) => v.state === 'overdue'));
    assert.equal(s.adverseEvents.length, 2);
    assert.ok(s.observations.length > 5);
    assert.equal(s.efficacy[0].visitCode, 'd28');
    assert.ok(s.signatures.some((g: { meaning: string }) => g.meaning === 'eligibility-confirmed'));
    const dash = await x.call(pi, 'GET', '/api/studies/hn2301/dashboard');
    assert.ok(dash.json().overdueVisits.some((v: { subject: string }) => v.subject === '001'));
    assert.deepEqual(dash.json().seriousAdverseEvents.map((e: { eventId: string }) => e.eventId), [made.sae!.id]);
  });

  it('shows a sponsor viewer pseudonyms and no free text', async () => {
    const sponsor = await x.login('sponsor.liu');
    const list = await x.call(sponsor, 'GET', '/api/subjects?study=hn2301');
    const mine = list.json().find((s: { id: string }) => s.id === subjectId);
    assert.deepEqual([mine.screeningNumber, mine.pseudonymised], [pseudonym(subjectId), true]);
    assert.ok(list.json().every((s: { screeningNumber: string }) => /^P-[0-9A-F]{8}$/.test(s.screeningNumber)));
    const detail = (await x.call(sponsor, 'GET', `/api/subjects/${subjectId}`)).json();
    assert.equal(detail.screeningNumber, pseudonym(subjectId));
    assert.equal(detail.screenings[0].evaluation, null);
    assert.ok(detail.visits.every((v: { sourceRef: unknown }) => v.sourceRef === null));
    assert.ok(detail.adverseEvents.every((e: { action: unknown; outcome: unknown }) => e.action === null && e.outcome === null));
    const status = (await x.call(sponsor, 'GET', '/api/studies/hn2301/status')).json();
    assert.ok(status.subjects.every((s: { number: string }) => s.number.startsWith('P-')));
    assert.equal((await x.call(sponsor, 'GET', `/api/records/observation/${made.anc!.id}/audit`)).statusCode, 403);
    assert.equal((await x.call(sponsor, 'GET', '/api/queries')).statusCode, 403);
  });

  it('keeps other sites\' subjects out of site staff\'s lists and pages', async () => {
    const other = await x.login('crc.wu');
    assert.deepEqual((await x.call(other, 'GET', '/api/subjects')).json(), []);
    assert.equal((await x.call(other, 'GET', `/api/subjects/${subjectId}`)).statusCode, 404);
    assert.deepEqual((await x.call(other, 'GET', '/api/studies/hn2301/status')).json().subjects, []);
    const dash = (await x.call(other, 'GET', '/api/studies/hn2301/dashboard')).json();
    assert.ok(dash.cohorts[0].members.every((m: { subject: unknown }) => m.subject === null));
    assert.deepEqual(dash.seriousAdverseEvents, []);
    assert.equal((await x.call(other, 'GET', `/api/subjects/not-a-uuid`)).statusCode, 404);
  });

  it('takes a query from question to answer to close; the site answers, the monitor closes', async () => {
    const raised = await x.call(cra, 'POST', '/api/queries', { study: 'hn2301', table: 'observation', rowId: made.anc!.id, field: 'value_num', text: 'Please attach the lab report.' });
    assert.equal(raised.statusCode, 201);
    assert.deepEqual([raised.json().subjectId, raised.json().subject, raised.json().status], [subjectId, '001', 'open']);
    const wrongSubject = await x.call(cra, 'POST', '/api/queries', { study: 'hn2301', subjectId: '00000000-0000-4000-8000-000000000000', table: 'observation', rowId: made.anc!.id, text: 'x' });
    assert.equal(wrongSubject.statusCode, 400);
    const id = raised.json().id;
    const listed = await x.call(crc, 'GET', '/api/queries?study=hn2301&status=open');
    assert.ok(listed.json().some((q: { id: string }) => q.id === id));
    assert.equal((await x.call(crc, 'POST', `/api/queries/${id}/close`)).statusCode, 403, 'the site does not close queries');
    assert.equal((await x.call(cra, 'POST', `/api/queries/${id}/answer`, { answer: 'x' })).statusCode, 403, 'the monitor does not answer them');
    const answered = await x.call(crc, 'POST', `/api/queries/${id}/answer`, { answer: 'Attached as HIS-998.' });
    assert.deepEqual([answered.statusCode, answered.json().status], [200, 'answered']);
    const closed = await x.call(cra, 'POST', `/api/queries/${id}/close`);
    assert.deepEqual([closed.statusCode, closed.json().status], [200, 'closed']);
    assert.equal((await x.call(crc, 'POST', `/api/queries/${id}/answer`, { answer: 'more' })).statusCode, 409);
    assert.equal((await x.call(crc, 'GET', '/api/queries?status=nonsense')).statusCode, 400);
  });

  it('shows a signature broken once its record changes', async () => {
    const signed = await x.call(cra, 'POST', '/api/signatures', { table: 'observation', rowId: made.anc!.id, meaning: 'reviewed', password });
    assert.equal(signed.statusCode, 201);
    const current = (await ctx.db().query<{ version: number }>('SELECT version FROM observation WHERE id = $1', [made.anc!.id]))[0]!.version;
    await x.call(crc, 'PATCH', `/api/observations/${made.anc!.id}`, { version: current, reason: 'recheck', changes: { refLow: 1.9 } });
    const sigs = await x.call(cra, 'GET', `/api/records/observation/${made.anc!.id}/signatures`);
    assert.deepEqual(sigs.json().map((s: { status: string }) => s.status), ['broken']);
  });
});
