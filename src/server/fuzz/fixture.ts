// The trial the HTTP fuzz tests run against: two sites with records of every kind the routes name
// (subjects, observations proposed and final, visits, adverse events, queries, a decision), one
// logged-in person per role on each site, and accounts that may be changed freely.
import { randomUUID } from 'node:crypto';
import { addDays } from '../../domain/conduct/index.ts';
import { createUser, grantRole } from '../../store/access/index.ts';
import type { Db } from '../../store/index.ts';
import {
  addSubject,
  enterObservation,
  raiseQuery,
  recordAdverseEvent,
  recordDecision,
  screenSubject,
  siteDate,
  visitsOf,
} from '../../store/trial/index.ts';
import { cheapHashing, eligibleBundle } from '../../store/trial/test-support.ts';
import { apiTrial, type Login, password } from '../test-support.ts';

export { password };

/** People by the role the matrix knows them by; site B's staff are the `…B` ones. */
export const principals = {
  administrator: 'admin',
  investigator: 'pi.zhang',
  coordinator: 'crc.li',
  monitor: 'cra.wang',
  data_manager: 'dm.chen',
  safety_committee: 'src.zhou',
  sponsor_viewer: 'sponsor.liu',
  investigatorB: 'pi.sun',
  coordinatorB: 'crc.wu',
} as const;

/** Accounts the fuzzer may lock, deactivate, re-password and strip of roles. */
export const spareUsers = ['spare.one', 'spare.two', 'spare.three'] as const;

export interface Pools {
  readonly subjectsA: string[];
  readonly subjectsB: string[];
  readonly observationsA: string[];
  readonly observationsB: string[];
  readonly proposedA: string[];
  readonly visitsA: string[];
  readonly visitsB: string[];
  readonly adverseEventsA: string[];
  readonly adverseEventsB: string[];
  readonly queriesA: string[];
  readonly queriesB: string[];
  readonly spareRoles: string[];
  readonly today: string;
  readonly bundle: string;
}

export type FuzzTrial = Awaited<ReturnType<typeof fuzzTrial>>;

export async function fuzzTrial(db: Db) {
  // No lock-outs and no rate limits: wrong passwords are among the inputs, and a locked account or
  // a limited address would hide every later path (their own tests test them).
  const unlimited = { max: 10_000_001, windowMs: 60_000 };
  const x = await apiTrial(db, {
    policy: { ...cheapHashing, maxFailedAttempts: 10_000_000 },
    rateLimits: { loginPerAddress: unlimited, loginPerUsername: unlimited, selfCheckPerAddress: unlimited, contactPerAddress: unlimited },
  });
  const today = siteDate(new Date());
  const d0 = addDays(today, -100);
  const first = await x.dosedSubject('001', d0);
  const second = await x.dosedSubject('002', addDays(d0, 14));
  await x.dosedSubject('003', addDays(d0, 15));
  await recordDecision(db, { user: 'src.zhou' }, { studyId: x.study.id, asOf: addDays(d0, 44), nextLevel: 2 });
  const screening = await x.screened('010', today, false);
  const s1 = first.subject.id;
  const lab = await enterObservation(db, x.crc, { subjectId: s1, kind: 'lab', code: 'anc', valueNum: 2.1, unit: '10*9/L', refLow: 1.8, refHigh: 6.3, observedAt: new Date() });
  const ae = await recordAdverseEvent(db, { user: 'pi.zhang' }, { subjectId: s1, term: 'Headache', grading: 'ctcae', onsetDate: addDays(d0, 3), grade: 1, relatedness: 'possible' });
  const query = await raiseQuery(db, { user: 'cra.wang' }, { studyId: x.study.id, subjectId: s1, tableName: 'observation', rowId: lab.id, text: 'source?' });

  const siteB = x.sites[1]!;
  const b = await addSubject(db, { user: 'crc.wu' }, { studyId: x.study.id, siteId: siteB.id, screeningNumber: 'B01' });
  await screenSubject(db, { user: 'crc.wu' }, { subjectId: b.id, bundleText: eligibleBundle(today), fileName: 'b01.json', asOf: today });
  const labB = await enterObservation(db, { user: 'crc.wu' }, { subjectId: b.id, kind: 'lab', code: 'anc', valueNum: 3, unit: '10*9/L', observedAt: new Date() });
  const aeB = await recordAdverseEvent(db, { user: 'pi.sun' }, { subjectId: b.id, term: 'Rash', grading: 'ctcae', onsetDate: today, grade: 1, relatedness: 'unlikely' });
  const queryB = await raiseQuery(db, { user: 'cra.wang' }, { studyId: x.study.id, subjectId: b.id, tableName: 'observation', rowId: labB.id, text: 'unit?' });

  const spareRoles: string[] = [];
  for (const name of spareUsers) {
    await createUser(db, { user: 'admin' }, { username: name, fullName: name.toUpperCase(), password }, cheapHashing);
    spareRoles.push((await grantRole(db, { user: 'admin' }, { username: name, studyId: x.study.id, siteId: null, role: 'monitor' })).id);
  }

  const ids = async (sql: string, params: unknown[]) => (await db.query<{ id: string }>(sql, params)).map((r) => r.id);
  const ofSubjects = (table: string, subjects: string[], extra = '') => ids(`SELECT id FROM ${table} WHERE subject_id = ANY($1::uuid[]) ${extra} ORDER BY id LIMIT 12`, [subjects]);
  const subjectsA = [s1, second.subject.id, screening.subject.id];
  const pools: Pools = {
    subjectsA,
    subjectsB: [b.id],
    observationsA: await ofSubjects('observation', subjectsA),
    observationsB: await ofSubjects('observation', [b.id]),
    proposedA: await ofSubjects('observation', subjectsA, "AND status = 'proposed'"),
    visitsA: [...(await visitsOf(db, s1, today)).map((v) => v.id).slice(0, 8)],
    visitsB: await ofSubjects('visit', [b.id]),
    adverseEventsA: [ae.event.id],
    adverseEventsB: [aeB.event.id],
    queriesA: [query.id],
    queriesB: [queryB.id],
    spareRoles,
    today,
    bundle: eligibleBundle(today),
  };

  const sessions = new Map<string, Login>();
  for (const username of Object.values(principals)) sessions.set(username, await x.login(username));
  return { ...x, db, pools, sessions, labId: lab.id };
}

/** A uuid no record has. */
export const strayUuid = () => randomUUID();
