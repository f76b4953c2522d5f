// Property (issue 5): no sequence of commands doses a subject who is not enrolled with confirmed
// eligibility, doses above the assigned level, breaks a sentinel wait, opens a dose level before
// the previous cohort's DLT windows are over and its decision is signed, or loses an audit record.
// Commands are drawn at random and run through the real service on a real database; refusals
// are expected and fine: the invariants are checked on what was stored.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../../domain/conduct/index.ts';
import { sign } from '../access/index.ts';
import { verifyAudit } from '../audit-verify.ts';
import type { Db } from '../db.ts';
import { describeEachBackend } from '../test-support.ts';
import { siteDate, siteNoon } from './clock.ts';
import { administerDose, enrol } from './conduct.ts';
import { recommend, recordDecision, signDecision } from './decisions.ts';
import { ConductRefusal } from './refusal.ts';
import { trialWithPeople } from './test-support.ts';

// Commands are intents rather than raw calls, so that runs reach dosing and later cohorts: `step`
// takes the picked subject (counting back from the newest) one step on from where the record
// says it is (confirm eligibility, enrol, dose at its level ± a random offset). The service still
// decides; the generator only makes the interesting attempts likely.
const Command = fc.oneof(
  { weight: 2, arbitrary: fc.record({ type: fc.constant('screen' as const) }) },
  { weight: 6, arbitrary: fc.record({ type: fc.constant('step' as const), pick: fc.nat({ max: 3 }), offset: fc.constantFrom(0, 0, 0, 0, 1, -1) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('decide' as const), next: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('sign' as const) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('wait' as const), days: fc.integer({ min: 5, max: 25 }) }) },
  // What a well-run trial does next; when refused, it waits for the date the refusal names.
  { weight: 6, arbitrary: fc.record({ type: fc.constant('advance' as const) }) },
);

/** The date a refusal says would unblock it, if it names one. */
function unblockDate(error: unknown): string | null {
  if (!(error instanceof ConductRefusal)) return null;
  for (const i of error.issues) {
    const p = i.params as Record<string, unknown>;
    if (typeof p.until === 'string') return p.until;
    if (typeof p.opens === 'string') return p.opens;
    if (typeof p.ends === 'string') return addDays(p.ends, 1);
  }
  return null;
}

interface Dose {
  number: string;
  level: number;
  assigned: number;
  cohort: number;
  date: string;
}

async function storedDoses(db: Db): Promise<Dose[]> {
  const rows = await db.query<{ number: string; level: number; assigned: number; cohort: number; started_at: Date }>(
    `SELECT s.screening_number AS number, d.dose_level AS level, s.dose_level AS assigned, s.cohort, d.started_at
     FROM dose_administration d JOIN subject s ON s.id = d.subject_id ORDER BY d.started_at`,
  );
  return rows.map((r) => ({ number: r.number, level: r.level, assigned: r.assigned, cohort: r.cohort, date: siteDate(r.started_at) }));
}

async function checkInvariants(db: Db, studyId: string): Promise<void> {
  const doses = await storedDoses(db);
  const confirmed = await db.query<{ number: string }>(
    `SELECT s.screening_number AS number FROM subject s JOIN screening_result r ON r.subject_id = s.id
     JOIN signature g ON g.table_name = 'screening_result' AND g.row_id = r.id::text AND g.meaning = 'eligibility-confirmed'
     WHERE r.outcome = 'eligible'`,
  );
  const signedDecisions = await db.query<{ cohort: number; next_level: number; signed_at: Date }>(
    `SELECT d.cohort, d.next_level, g.created_at AS signed_at FROM escalation_decision d
     JOIN signature g ON g.table_name = 'escalation_decision' AND g.row_id = d.id::text WHERE d.study_id = $1`,
    [studyId],
  );
  const firstDose = new Map<string, string>();
  for (const d of doses) if (!firstDose.has(d.number)) firstDose.set(d.number, d.date);
  for (const d of doses) {
    assert.ok(confirmed.some((c) => c.number === d.number), `${d.number} dosed without confirmed eligibility`);
    assert.equal(d.level, d.assigned, `${d.number} dosed at level ${d.level}, assigned ${d.assigned}`);
  }
  const cohorts = [...new Set(doses.map((d) => d.cohort))].sort((a, b) => a - b);
  for (const c of cohorts) {
    const members = [...firstDose.entries()].filter(([n]) => doses.find((d) => d.number === n)!.cohort === c).sort((a, b) => a[1].localeCompare(b[1]));
    const sentinel = members[0]![1];
    for (const [n, date] of members.slice(1)) assert.ok(date >= addDays(sentinel, 14), `${n} dosed ${date}, sentinel ${sentinel}`);
    if (c === 1) continue;
    const decision = signedDecisions.find((d) => d.cohort === c - 1);
    assert.ok(decision, `cohort ${c} dosed without a signed decision on cohort ${c - 1}`);
    const previous = [...firstDose.entries()].filter(([n]) => doses.find((d) => d.number === n)!.cohort === c - 1).map(([, date]) => addDays(date, 28));
    const lastEnd = previous.sort().at(-1)!;
    for (const [n, date] of members) {
      assert.ok(date > lastEnd, `${n} of cohort ${c} dosed ${date}, inside cohort ${c - 1}'s DLT window (ends ${lastEnd})`);
      assert.ok(date >= siteDate(decision.signed_at), `${n} of cohort ${c} dosed before the decision was signed`);
    }
  }
}

describeEachBackend('conduct properties', (ctx) => {
  it('no command sequence breaks a conduct rule or loses an audit record', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Command, { minLength: 30, maxLength: 50 }), async (commands) => {
        const db = await ctx.fresh();
        const t = await trialWithPeople(db);
        let clock = addDays(siteDate(new Date()), -80);
        let screened = 0;
        const subjects: { subject: { id: string }; screening: { id: string }; number: string }[] = [];
        let chain: { seq: number; hash: string }[] = [];
        for (const c of commands) {
          try {
            if (c.type === 'screen') {
              const number = String(++screened).padStart(3, '0');
              subjects.push({ ...(await t.screened(number, clock, false)), number });
            } else if (c.type === 'step' && subjects.length) {
              const s = subjects[Math.max(0, subjects.length - 1 - c.pick)]!;
              const [row] = await db.query<{ status: string; dose_level: number | null }>('SELECT status, dose_level FROM subject WHERE id = $1', [s.subject.id]);
              const signed = await db.query('SELECT 1 FROM signature WHERE row_id = $1', [s.screening.id]);
              if (row!.status === 'screening' && signed.length === 0) await sign(db, t.pi, { table: 'screening_result', rowId: s.screening.id, meaning: 'eligibility-confirmed' });
              else if (row!.status === 'screening') await enrol(db, t.crc, s.subject.id, clock);
              else await administerDose(db, t.crc, { subjectId: s.subject.id, level: Math.max(1, (row!.dose_level ?? 1) + c.offset), startedAt: siteNoon(clock) });
            } else if (c.type === 'decide') await recordDecision(db, { user: 'src.zhou' }, { studyId: t.study.id, asOf: clock, nextLevel: c.next, overrideReason: 'property test' });
            else if (c.type === 'sign') {
              const open = await db.query<{ cohort: number }>('SELECT max(cohort) AS cohort FROM escalation_decision');
              if (open[0]?.cohort) await signDecision(db, t.src, t.study.id, open[0].cohort);
            } else if (c.type === 'wait') clock = addDays(clock, c.days);
            else if (c.type === 'advance') {
              const waiting = await db.query<{ id: string; dose_level: number }>(
                `SELECT id, dose_level FROM subject s WHERE status = 'enrolled' AND NOT EXISTS (SELECT 1 FROM dose_administration d WHERE d.subject_id = s.id) ORDER BY screening_number LIMIT 1`,
              );
              try {
                if (waiting[0]) await administerDose(db, t.crc, { subjectId: waiting[0].id, level: waiting[0].dose_level, startedAt: siteNoon(clock) });
                else {
                  const number = String(++screened).padStart(3, '0');
                  const next = { ...(await t.screened(number, clock)), number };
                  subjects.push(next);
                  await enrol(db, t.crc, next.subject.id, clock);
                }
              } catch (error) {
                const until = unblockDate(error);
                if (until && until > clock) clock = until;
                const unsigned = await db.query<{ cohort: number }>(
                  `SELECT cohort FROM escalation_decision d WHERE NOT EXISTS (SELECT 1 FROM signature g WHERE g.row_id = d.id::text) ORDER BY cohort DESC LIMIT 1`,
                );
                if (unsigned[0]) await signDecision(db, t.src, t.study.id, unsigned[0].cohort);
                else if (error instanceof ConductRefusal && error.issues.some((i) => i.code === 'cohort_full' || i.code === 'decision_required')) {
                  const rec = await recommend(db, t.study.id, clock);
                  await recordDecision(db, { user: 'src.zhou' }, { studyId: t.study.id, asOf: clock, nextLevel: rec.decision.nextDose, overrideReason: 'property test' });
                } else throw error;
              }
            }
          } catch (error) {
            const known = error instanceof ConductRefusal || (error as { code?: string }).code === 'decision_already_signed';
            if (!known) throw error;
          }
          // Nothing recorded before is ever lost or changed.
          const now = await db.query<{ seq: number; hash: string }>(`SELECT seq, encode(hash, 'hex') AS hash FROM audit_log ORDER BY seq`);
          assert.ok(now.length >= chain.length);
          assert.deepEqual(now.slice(0, chain.length), chain);
          chain = now;
        }
        await checkInvariants(db, t.study.id);
        assert.equal((await verifyAudit(db)).ok, true);
      }),
      { numRuns: 4 },
    );
  });
});
