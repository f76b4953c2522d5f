import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addDays } from '../../domain/conduct/index.ts';
import { sign, signaturesOf } from '../access/index.ts';
import { verifyAudit } from '../audit-verify.ts';
import { describeEachBackend } from '../test-support.ts';
import { siteDate, siteNoon } from './clock.ts';
import { administerDose, enrol } from './conduct.ts';
import { recommend, recordDecision, signDecision } from './decisions.ts';
import { ConductRefusal } from './refusal.ts';
import { hn2301, trialWithPeople } from './test-support.ts';
import { visitsOf } from './visits.ts';

/** Rejects with a ConductRefusal of this rule and at least these params. */
const refused = (code: string, params: Record<string, unknown> = {}) => (e: unknown) => {
  assert.ok(e instanceof ConductRefusal, String(e));
  assert.equal(e.issue.code, code, JSON.stringify(e.issue));
  for (const [k, v] of Object.entries(params)) assert.deepEqual(e.issue.params[k], v, k);
  return true;
};

/** Refused, with this rule among the reasons given. */
const refusedAlso = (code: string, params: Record<string, unknown> = {}) => (e: unknown) => {
  assert.ok(e instanceof ConductRefusal, String(e));
  const found = e.issues.find((i) => i.code === code);
  assert.ok(found, `${code} not in ${e.message}`);
  for (const [k, v] of Object.entries(params)) assert.deepEqual(found.params[k], v, k);
  return true;
};

describeEachBackend('trial conduct', (ctx) => {
  it('runs cohort 1 to the committee decision, refusing every out-of-order step with the rule and what unblocks it', async () => {
    const db = await ctx.fresh();
    const t = await trialWithPeople(db);
    // Signatures carry the server's date; the clinical dates of cohort 1 lie before it.
    const today = siteDate(new Date());
    const d0 = addDays(today, -100);

    const s1 = await t.screened('001', addDays(d0, -3), false);
    await assert.rejects(enrol(db, t.crc, s1.subject.id, addDays(d0, -1)), refused('eligibility_not_confirmed', { subject: '001' }));
    const events = await db.query<{ detail: { rule: string; action: string } }>(`SELECT detail FROM security_event WHERE kind = 'conduct_refused'`);
    assert.deepEqual(
      events.map((e) => [e.detail.action, e.detail.rule]),
      [['enrol', 'eligibility_not_confirmed']],
      'a refusal is itself on record',
    );
    await sign(db, t.pi, { table: 'screening_result', rowId: s1.screening.id, meaning: 'eligibility-confirmed' });
    const enrolled = await enrol(db, t.crc, s1.subject.id, addDays(d0, -1));
    assert.deepEqual([enrolled.status, enrolled.doseLevel, enrolled.cohort], ['enrolled', 1, 1]);

    await assert.rejects(
      administerDose(db, t.crc, { subjectId: s1.subject.id, level: 2, startedAt: siteNoon(d0) }),
      refused('above_assigned_level', { assigned: 1, requested: 2 }),
    );
    const first = await administerDose(db, t.crc, { subjectId: s1.subject.id, level: 1, startedAt: siteNoon(d0) });
    assert.equal(first.subject.status, 'dosed');
    const visits = await visitsOf(db, s1.subject.id, d0);
    assert.equal(visits.length, hn2301().visits.filter((v) => v.day >= 0).length);
    const d28 = visits.find((v) => v.visitCode === 'd28')!;
    assert.deepEqual([d28.plannedDate, d28.windowStart, d28.windowEnd], [addDays(d0, 28), addDays(d0, 26), addDays(d0, 30)]);

    // Sentinel: 002 waits 14 days after 001's dose.
    const s2 = await t.screened('002', addDays(d0, 1));
    await enrol(db, t.crc, s2.subject.id, addDays(d0, 2));
    await assert.rejects(
      administerDose(db, t.crc, { subjectId: s2.subject.id, level: 1, startedAt: siteNoon(addDays(d0, 13)) }),
      refused('sentinel_wait', { sentinel: '001', until: addDays(d0, 14) }),
    );
    await administerDose(db, t.crc, { subjectId: s2.subject.id, level: 1, startedAt: siteNoon(addDays(d0, 14)) });
    const s3 = await t.screened('003', addDays(d0, 1));
    await enrol(db, t.crc, s3.subject.id, addDays(d0, 2));
    await administerDose(db, t.crc, { subjectId: s3.subject.id, level: 1, startedAt: siteNoon(addDays(d0, 15)) });

    // The cohort is full; the decision waits for the last DLT window (003's, day 15 + 28).
    const s4 = await t.screened('004', addDays(d0, 16));
    await assert.rejects(enrol(db, t.crc, s4.subject.id, addDays(d0, 17)), refused('cohort_full', { cohort: 1, level: 1 }));
    await assert.rejects(
      recordDecision(db, { user: 'src.zhou' }, { studyId: t.study.id, asOf: addDays(d0, 30), nextLevel: 2 }),
      refused('dlt_window_open', { subject: '003', ends: addDays(d0, 43) }),
    );
    const pending = await recommend(db, t.study.id, addDays(d0, 30));
    assert.equal(pending.decision.decision, 'wait');

    const after = addDays(d0, 44);
    const rec = await recommend(db, t.study.id, after);
    assert.deepEqual([rec.decision.decision, rec.decision.nextDose], ['escalate', 2]);
    await assert.rejects(
      recordDecision(db, { user: 'src.zhou' }, { studyId: t.study.id, asOf: after, nextLevel: 1 }),
      refused('decision_override_reason_required', { recommended: 2, decided: 1 }),
    );
    const decision = await recordDecision(db, { user: 'src.zhou' }, { studyId: t.study.id, asOf: after, nextLevel: 2 });
    assert.deepEqual(decision.recommendation, { decision: 'escalate', nextDose: 2, reason: rec.decision.reason, mtd: null, needed: [] });
    assert.equal((decision.input as { protocolVersion: string }).protocolVersion, t.protocolVersion.label);

    // Not open until a committee member signs; an investigator cannot sign it.
    await assert.rejects(enrol(db, t.crc, s4.subject.id, today), refusedAlso('decision_not_signed', { cohort: 1 }));
    await assert.rejects(signDecision(db, t.pi, t.study.id, 1), { code: 'meaning_not_allowed' });
    await signDecision(db, t.src, t.study.id, 1);
    const e4 = await enrol(db, t.crc, s4.subject.id, today);
    assert.deepEqual([e4.doseLevel, e4.cohort], [2, 2]);
    await assert.rejects(administerDose(db, t.crc, { subjectId: s4.subject.id, level: 3, startedAt: new Date() }), refused('above_assigned_level'));
    await administerDose(db, t.crc, { subjectId: s4.subject.id, level: 2, startedAt: new Date() });

    const signatures = await signaturesOf(db, 'escalation_decision', decision.id);
    assert.deepEqual(
      signatures.map((s) => [s.meaning, s.status, s.fullName]),
      [['escalation-approved', 'valid', 'SRC.ZHOU']],
    );
    assert.equal((await verifyAudit(db)).ok, true);

  });
});
