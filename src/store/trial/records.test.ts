import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addDays } from '../../domain/conduct/index.ts';
import { formatIssue } from '../../i18n/index.ts';
import { signaturesOf } from '../access/index.ts';
import { deleteRow, updateRow } from '../audit.ts';
import { verifyAudit } from '../audit-verify.ts';
import { adverseEvent, observation } from '../schema-conduct.ts';
import { describeEachBackend } from '../test-support.ts';
import { adjudicateDlt, recordAdverseEvent } from './adverse-events.ts';
import { siteDate, siteNoon } from './clock.ts';
import { decideProposal } from './imports.ts';
import { correctObservation, enterObservation, recordAssessment } from './observations.ts';
import { answerQuery, closeQuery, raiseQuery } from './queries.ts';
import { importLabFile } from './lab-file.ts';
import { ConductRefusal, InvalidInput } from './refusal.ts';
import { loadConductState } from './state.ts';
import { hn2301, trialWithPeople } from './test-support.ts';
import { recordVisit, visitEfficacyFor, visitsOf } from './visits.ts';

const refused = (code: string) => (e: unknown) => {
  assert.ok(e instanceof ConductRefusal, String(e));
  assert.equal(e.issue.code, code, JSON.stringify(e.issue));
  return true;
};

describeEachBackend('trial records', (ctx) => {
  it('imports a bundle as proposals that count only once accepted, each decision audited with its reason', async () => {
    const db = await ctx.fresh();
    const t = await trialWithPeople(db);
    const { subject, screening } = await t.screened('001', '2026-06-01');
    assert.equal(screening.outcome, 'eligible');
    assert.equal((screening.evaluation as { protocolVersion: string }).protocolVersion, hn2301().version);
    const proposed = await db.query<{ id: string; code: string; import_row: number; file_name: string; sha256: string }>(
      `SELECT o.id, o.code, o.import_row, b.file_name, b.sha256 FROM observation o JOIN import_batch b ON b.id = o.import_id
       WHERE o.subject_id = $1 AND o.status = 'proposed' ORDER BY o.import_row`,
      [subject.id],
    );
    assert.ok(proposed.length >= 5, 'labs of the bundle are proposed');
    assert.ok(proposed.every((p) => p.file_name === '001.json' && /^[0-9a-f]{64}$/.test(p.sha256) && p.import_row >= 1));
    await assert.rejects(decideProposal(db, { user: 'crc.li' }, proposed[1]!.id, 'reject'), refused('reason_required'));
    const accepted = await decideProposal(db, { user: 'crc.li', reason: 'matches the HIS report' }, proposed[0]!.id, 'accept');
    assert.equal(accepted.status, 'final');
    const rejected = await decideProposal(db, { user: 'crc.li', reason: 'duplicate of the repeat test' }, proposed[1]!.id, 'reject');
    assert.equal(rejected.status, 'rejected');
    await assert.rejects(decideProposal(db, { user: 'crc.li', reason: 'again' }, proposed[1]!.id, 'accept'), refused('not_proposed'));
    const trail = await db.query<{ old_value: string; new_value: string; reason: string; user_id: string }>(
      `SELECT old_value, new_value, reason, user_id FROM audit_log WHERE table_name = 'observation' AND row_id = $1 AND field = 'status' ORDER BY seq`,
      [proposed[0]!.id],
    );
    assert.deepEqual(
      trail.map((r) => [r.old_value, r.new_value, r.user_id, r.reason]),
      [
        [null, 'proposed', 'crc.li', null],
        ['proposed', 'final', 'crc.li', 'matches the HIS report'],
      ],
    );

  });

  it('grades adverse events from a lab value and from CRS findings, keeps an override with its reason, and suggests DLTs in the window', async () => {
    const db = await ctx.fresh();
    const t = await trialWithPeople(db);
    const d0 = addDays(siteDate(new Date()), -60);
    const { subject } = await t.dosedSubject('001', d0);
    const anc = await enterObservation(db, t.crc, { subjectId: subject.id, kind: 'lab', code: 'anc', valueNum: 800, unit: 'cells/uL', refLow: 1.8, observedAt: siteNoon(addDays(d0, 5)) });
    const base = { subjectId: subject.id, term: 'Neutrophil count decreased', grading: 'ctcae' as const, onsetDate: addDays(d0, 5), relatedness: 'probable' as const };
    const auto = await recordAdverseEvent(db, { user: 'pi.zhang' }, { ...base, basis: { observationId: anc.id } });
    assert.deepEqual([auto.event.gradeAuto, auto.event.grade, auto.event.dltSuggested, auto.event.dltRule], [3, 3, true, 'other-grade-3-or-more']);
    await assert.rejects(recordAdverseEvent(db, { user: 'pi.zhang' }, { ...base, basis: { observationId: anc.id }, grade: 2 }), refused('override_reason_required'));
    const overridden = await recordAdverseEvent(db, { user: 'pi.zhang' }, { ...base, basis: { observationId: anc.id }, grade: 2, overrideReason: 'benign ethnic neutropenia, baseline 1.0' });
    assert.deepEqual([overridden.event.gradeAuto, overridden.event.grade, overridden.event.gradeOverrideReason], [3, 2, 'benign ethnic neutropenia, baseline 1.0']);
    assert.equal(overridden.event.dltSuggested, false);

    const crs = await recordAdverseEvent(db, { user: 'pi.zhang' }, {
      subjectId: subject.id,
      term: 'Cytokine release syndrome',
      grading: 'astct-crs',
      onsetDate: addDays(d0, 2),
      basis: { findings: { syndrome: 'crs', findings: { feverC: 38.9, hypotension: 'none', oxygen: 'low-flow' } } },
      relatedness: 'definite',
    });
    assert.deepEqual([crs.event.grade, crs.event.dltSuggested], [2, false]);
    await assert.rejects(
      recordAdverseEvent(db, { user: 'pi.zhang' }, { ...base, grading: 'astct-crs', basis: { observationId: anc.id } }),
      refused('basis_mismatch'),
    );

    // The DLT call counts only while its signature holds: a later edit of the event voids it visibly.
    const { signature } = await adjudicateDlt(db, t.pi, auto.event.id, 'yes', 'grade 3 neutropenia within the window');
    const protocol = hn2301();
    assert.equal((await loadConductState(db, t.study.id, protocol)).subjects[0]!.dlt, 'yes');
    const [e] = await db.query<{ version: number }>('SELECT version FROM adverse_event WHERE id = $1', [auto.event.id]);
    await updateRow(db, adverseEvent, auto.event.id, e!.version, { resolvedDate: addDays(d0, 12) }, { user: 'crc.li', reason: 'resolution date from discharge letter' });
    const [after] = await signaturesOf(db, 'adverse_event', auto.event.id);
    assert.deepEqual([after!.id, after!.status], [signature.id, 'broken']);
    assert.equal((await loadConductState(db, t.study.id, protocol)).subjects[0]!.dlt, null);
    assert.equal((await verifyAudit(db)).ok, true);

  });

  it('refuses a stale correction and loses nothing; queries go open → answered → closed; visits out of window raise a query; efficacy per visit', async () => {
    const db = await ctx.fresh();
    const t = await trialWithPeople(db);
    const d0 = addDays(siteDate(new Date()), -120);
    const { subject } = await t.dosedSubject('001', d0);
    const hb = await enterObservation(db, t.crc, { subjectId: subject.id, kind: 'lab', code: 'hemoglobin', valueNum: 102, unit: 'g/L', observedAt: siteNoon(d0) });
    const fixed = await correctObservation(db, { user: 'crc.li', reason: 'transcription error' }, hb.id, 1, { valueNum: 112 });
    await assert.rejects(correctObservation(db, { user: 'cra.wang', reason: 'late edit' }, hb.id, 1, { valueNum: 99 }), { code: 'conflict' });
    const [now] = await db.query<{ value_num: string; version: number }>('SELECT value_num, version FROM observation WHERE id = $1', [hb.id]);
    assert.deepEqual([Number(now!.value_num), now!.version], [112, fixed.version]);
    await assert.rejects(correctObservation(db, { user: 'crc.li' }, hb.id, fixed.version, { valueNum: 1 }), { code: 'reason_required' });
    // A correction that sets nothing is bad input naming `changes` (the database driver threw "No values to set").
    await assert.rejects(correctObservation(db, { user: 'crc.li', reason: 'nothing' }, hb.id, fixed.version, {}), (e: unknown) => {
      assert.ok(e instanceof InvalidInput);
      assert.deepEqual(e.issues.map((i) => [i.path.join('.'), i.code]), [['changes', 'nothing_to_change']]);
      return true;
    });
    await assert.rejects(correctObservation(db, { user: 'crc.li', reason: 'nothing' }, hb.id, fixed.version, { valueNum: undefined }), InvalidInput);
    const [same] = await db.query<{ value_num: string; version: number }>('SELECT value_num, version FROM observation WHERE id = $1', [hb.id]);
    assert.deepEqual([Number(same!.value_num), same!.version], [112, fixed.version]);

    const q = await raiseQuery(db, { user: 'cra.wang' }, { studyId: t.study.id, subjectId: subject.id, tableName: 'observation', rowId: hb.id, field: 'value_num', text: 'Source shows 112?' });
    await answerQuery(db, { user: 'crc.li' }, q.id, 'Corrected to 112 on the same day.');
    assert.equal((await closeQuery(db, { user: 'cra.wang' }, q.id)).status, 'closed');
    await assert.rejects(answerQuery(db, { user: 'crc.li' }, q.id, 'more'), refused('transition_not_allowed'));

    await recordAssessment(db, t.crc, {
      subjectId: subject.id,
      observedAt: siteNoon(addDays(d0, -1)),
      assessment: { sledai2k: { items: ['arthritis', 'rash', 'proteinuria', 'low-complement'] }, pga: 1.8, bilag: { renal: 'B', musculoskeletal: 'B' }, prednisoneMgPerDay: 15 },
    });
    const visits = await visitsOf(db, subject.id, siteDate(new Date()));
    const m3 = visits.find((v) => v.visitCode === 'm3')!;
    const late = addDays(m3.windowEnd, 1);
    await recordVisit(db, t.crc, m3.id, late);
    const auto = await db.query<{ automatic: boolean; field: string }>(`SELECT automatic, field FROM data_query WHERE row_id = $1`, [m3.id]);
    assert.deepEqual(auto, [{ automatic: true, field: 'actual_date' }]);
    await recordAssessment(db, t.crc, { subjectId: subject.id, visitId: m3.id, observedAt: siteNoon(late), assessment: { sledai2k: { items: ['low-complement'] }, pga: 0.4, bilag: { renal: 'D' }, prednisoneMgPerDay: 5 } });
    const efficacy = await visitEfficacyFor(db, subject.id, 'm3');
    assert.equal(efficacy.sledai2k, 2);
    assert.equal(efficacy.clinicalSledai, 0);
    assert.equal(efficacy.prednisoneEquivalentMgPerDay, 5);
    assert.equal(efficacy.sri4?.responder, true);
    assert.equal((await verifyAudit(db)).ok, true);

  });
});

describeEachBackend('trial records: imports and checks', (ctx) => {
  it('imports a lab file as proposals (file hash and row kept), refusing the whole file for one bad row', async () => {
    const db = await ctx.fresh();
    const t = await trialWithPeople(db);
    const { subject } = await t.screened('001', '2026-06-01');
    const good = 'subject,code,value,unit,observed_at,ref_low,ref_high\n001,anc,1.2,10*9/L,2026-06-03T08:30:00+08:00,1.8,6.3\n"001",alt,"52",U/L,2026-06-03T08:30:00+08:00,,40\n';
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation');
    const bad = `${good}002,anc,1.0,10*9/L,2026-06-03,,\n001,hemoglobin,x,g/L,2026-06-03,,\n001,creatinine,80,mg%,2026-06-03,,\n`;
    await assert.rejects(importLabFile(db, t.crc, { studyId: t.study.id, fileName: 'lis.csv', text: bad }), (e: unknown) => {
      assert.ok(e instanceof InvalidInput);
      assert.deepEqual(
        e.issues.map((i) => [i.path.join('.'), i.code]),
        [
          ['row 4.subject', 'subject_not_found'],
          ['row 5.valueNum', 'invalid_type'],
          ['row 6.unit', 'unknown_unit'],
        ],
      );
      return true;
    });
    assert.deepEqual(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation'), before, 'nothing stored');
    const imported = await importLabFile(db, t.crc, { studyId: t.study.id, fileName: 'lis.csv', text: good });
    assert.equal(imported.proposals, 2);
    const rows = await db.query<{ code: string; status: string; import_row: number; value_num: string; subject_id: string }>(
      'SELECT code, status, import_row, value_num, subject_id FROM observation WHERE import_id = $1 ORDER BY import_row',
      [imported.batchId],
    );
    assert.deepEqual(
      rows.map((r) => [r.code, r.status, r.import_row, Number(r.value_num), r.subject_id]),
      [
        ['anc', 'proposed', 2, 1.2, subject.id],
        ['alt', 'proposed', 3, 52, subject.id],
      ],
    );
  });

  it('imports only real ISO 8601 dates or date-times with a zone as observed_at, naming the row and the column of any other', async () => {
    const db = await ctx.fresh();
    const t = await trialWithPeople(db);
    await t.screened('001', '2026-06-01');
    const header = 'subject,code,value,unit,observed_at\n';
    const row = (when: string) => `001,anc,1.2,10*9/L,${when}\n`;
    // `1` was read as 2001, 2026-02-30 as 2 March, a time without a zone in the server's zone.
    const bad = ['1', '2026-02-30', '2026-02-30T08:30:00+08:00', '2026-06-03T08:30:00', '2026-6-3', '03/06/2026', '2026-06-03T25:00:00Z'];
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation');
    await assert.rejects(importLabFile(db, t.crc, { studyId: t.study.id, fileName: 'lis.csv', text: header + bad.map(row).join('') }), (e: unknown) => {
      assert.ok(e instanceof InvalidInput);
      assert.deepEqual(
        e.issues.map((i) => [i.path.join('.'), i.code, i.params.value]),
        bad.map((value, k) => [`row ${k + 2}.observed_at`, 'invalid_instant', value]),
      );
      assert.equal(formatIssue(e.issues[0]!, 'en'), "row 2.observed_at: '1' is not a date-time with its zone (e.g. 2026-03-02T09:30:00+08:00)");
      return true;
    });
    assert.deepEqual(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation'), before, 'nothing stored');
    const good = await importLabFile(db, t.crc, { studyId: t.study.id, fileName: 'lis.csv', text: header + row('2026-06-03') + row('2026-06-03T08:30:00.5+08:00') + row('2026-06-03T00:30Z') });
    const stored = await db.query<{ at: string }>(`SELECT to_char(observed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at FROM observation WHERE import_id = $1 ORDER BY import_row`, [good.batchId]);
    // A date alone is noon at the site, as the API reads it.
    assert.deepEqual(stored.map((r) => r.at), ['2026-06-03T04:00:00.000', '2026-06-03T00:30:00.500', '2026-06-03T00:30:00.000']);
  });

  it('checks each kind of observation before storing it, and never deletes a record', async () => {
    const db = await ctx.fresh();
    const t = await trialWithPeople(db);
    const { subject } = await t.screened('001', '2026-06-01');
    const at = siteNoon('2026-06-02');
    const refusedWith = (code: string) => (e: unknown) => e instanceof InvalidInput && e.issues.some((i) => i.code === code);
    await assert.rejects(enterObservation(db, t.crc, { subjectId: subject.id, kind: 'ice', code: 'ice', valueNum: 11, observedAt: at }), refusedWith('too_big'));
    await assert.rejects(enterObservation(db, t.crc, { subjectId: subject.id, kind: 'lab', code: 'anc', valueNum: 1.2, unit: 'furlongs', observedAt: at }), refusedWith('unknown_unit'));
    await assert.rejects(enterObservation(db, t.crc, { subjectId: subject.id, kind: 'crs-findings', code: 'crs', valueJson: { feverC: 39, hypotension: 'some' }, observedAt: at }), refusedWith('invalid_choice'));
    await assert.rejects(enterObservation(db, t.crc, { subjectId: subject.id, kind: 'sledai2k', code: 'sledai2k', valueJson: { items: [] }, observedAt: at }), refusedWith('invalid_choice'));
    const ok = await enterObservation(db, t.crc, { subjectId: subject.id, kind: 'vital', code: 'systolic-bp', valueNum: 118, unit: 'mmHg', observedAt: at });
    await assert.rejects(deleteRow(db, observation, ok.id, ok.version, { user: 'dm.chen', reason: 'tidy up' }), { code: 'delete_refused' });
    const [still] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation WHERE id = $1', [ok.id]);
    assert.equal(still!.n, 1);
    assert.equal((await verifyAudit(db)).ok, true);
  });
});
