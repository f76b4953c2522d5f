// `firstdose demo`: a synthetic HN2301 trial in progress, laid out backwards from today so that
// it is always "live": cohort 1 (dose level 1) dosed months ago and complete, with a grade 2 CRS
// and a neutropenia graded from its laboratory value; the committee's escalation to dose level 2
// recorded and signed today (signatures carry the server's time, which cannot be backdated);
// cohort 2's sentinel dosed today, so one DLT window is open and the next subject waits 14 days;
// one screen failure. Every step goes through the same services and gates as real work, so the
// demo is also an end-to-end check of them. The people and their password are fictitious.
import { addDays } from '../../domain/conduct/index.ts';
import { evaluateProtocol } from '../../domain/eligibility/index.ts';
import type { Protocol } from '../../domain/protocol/index.ts';
import { bundleToRecord, defaultCodeTables } from '../../fhir/index.ts';
import { syntheticBundle } from '../../synth/index.ts';
import { attestSignature, createUser, grantRole, sign, verifyIdentity } from '../access/index.ts';
import type { Role } from '../schema-conduct.ts';
import type { Db } from '../db.ts';
import { adjudicateDlt, recordAdverseEvent } from './adverse-events.ts';
import { decideProposal } from './imports.ts';
import { siteNoon } from './clock.ts';
import { administerDose, enrol } from './conduct.ts';
import { recordDecision, signDecision } from './decisions.ts';
import { enterObservation, recordAssessment } from './observations.ts';
import { raiseQuery } from './queries.ts';
import { screenSubject } from './screening.ts';
import { registerStudy } from './study.ts';
import { addSubject, changeStatus } from './subjects.ts';
import { recordVisit, visitsOf } from './visits.ts';

export const demoPassword = 'firstdose-demo-2026';

export const demoPeople: ReadonlyArray<{ username: string; fullName: string; role: Role; site: boolean }> = [
  { username: 'admin', fullName: 'Demo Administrator', role: 'administrator', site: false },
  { username: 'pi.zhang', fullName: 'Zhang Wei (PI)', role: 'investigator', site: true },
  { username: 'crc.li', fullName: 'Li Na (CRC)', role: 'coordinator', site: true },
  { username: 'cra.wang', fullName: 'Wang Fang (CRA)', role: 'monitor', site: false },
  { username: 'dm.chen', fullName: 'Chen Jie (DM)', role: 'data_manager', site: false },
  { username: 'src.zhou', fullName: 'Zhou Min (SRC chair)', role: 'safety_committee', site: false },
  { username: 'sponsor.liu', fullName: 'Liu Yang (sponsor)', role: 'sponsor_viewer', site: false },
];

export interface DemoSummary {
  readonly study: string;
  readonly today: string;
  readonly users: readonly string[];
  readonly subjects: number;
}

/** The first synthetic SLE patient (from `seed` on) whose screening as of `asOf` has this outcome. */
function bundleWithOutcome(protocol: Protocol, asOf: string, want: 'yes' | 'no', seed: number): { text: string; seed: number } {
  for (let s = seed; s < seed + 500; s++) {
    const bundle = syntheticBundle(s, 'sle', asOf);
    const record = bundleToRecord(bundle, defaultCodeTables());
    if (record.ok && evaluateProtocol(protocol, record.value, asOf).eligible === want) return { text: JSON.stringify(bundle), seed: s };
  }
  throw new Error(`no synthetic patient screens ${want} as of ${asOf}`);
}

export async function loadDemo(db: Db, protocol: Protocol, today: string): Promise<DemoSummary> {
  const admin = { user: 'admin' };
  const { study, sites } = await registerStudy(db, admin, protocol);
  const site = sites[0]!;
  for (const p of demoPeople) {
    await createUser(db, admin, { username: p.username, fullName: p.fullName, password: demoPassword });
    await verifyIdentity(db, { user: 'admin', reason: 'identity checked against staff card (demo)' }, p.username);
    await grantRole(db, admin, { username: p.username, studyId: study.id, siteId: p.site ? site.id : null, role: p.role });
    await attestSignature(db, { username: p.username, password: demoPassword });
  }
  const pi = { username: 'pi.zhang', password: demoPassword };
  const crc = { user: 'crc.li' };
  const day = (offset: number) => addDays(today, offset);

  // Screening, enrolment and first dose of cohort 1 (sentinel 001, then 002 and 003 after 14 days).
  let seed = 1;
  const screened = async (number: string, asOf: string, want: 'yes' | 'no') => {
    const subject = await addSubject(db, crc, { studyId: study.id, siteId: site.id, screeningNumber: number });
    const found = bundleWithOutcome(protocol, asOf, want, seed);
    seed = found.seed + 1;
    const { row } = await screenSubject(db, crc, { subjectId: subject.id, bundleText: found.text, fileName: `his-export-${number}.json`, asOf });
    if (want === 'yes') await sign(db, pi, { table: 'screening_result', rowId: row.id, meaning: 'eligibility-confirmed' });
    return subject;
  };
  const cohort1: string[] = [];
  for (const [number, offset] of [['001', -140], ['002', -126], ['003', -125]] as const) {
    const s = await screened(number, day(offset - 5), 'yes');
    await enrol(db, crc, s.id, day(offset - 2));
    await administerDose(db, crc, { subjectId: s.id, level: 1, startedAt: siteNoon(day(offset)) });
    cohort1.push(s.id);
  }
  const failed = await screened('004', day(-30), 'no');
  await changeStatus(db, { user: 'pi.zhang', reason: 'not eligible at screening (see screening result)' }, failed.id, 'screen_failed');

  // Cohort 1's course: baseline and month-3 efficacy, visits done, a grade 2 CRS and a neutropenia.
  for (const [i, id] of cohort1.entries()) {
    const dosed = day([-140, -126, -125][i]!);
    await recordAssessment(db, crc, {
      subjectId: id,
      observedAt: siteNoon(addDays(dosed, -1)),
      assessment: { sledai2k: { items: ['arthritis', 'rash', 'proteinuria', 'low-complement'] }, pga: 1.8, prednisoneMgPerDay: 15 },
    });
    // CD19+ B cells: gone within days of the infusion, returning from month 3 (as reported for this class).
    for (const [offset, cells] of [[-1, 180 + 20 * i], [7, 0], [14, 0], [28, 1], [90, 12 + 4 * i]] as const)
      if (addDays(dosed, offset) <= today)
        await enterObservation(db, crc, { subjectId: id, kind: 'b-cells', code: 'cd19', valueNum: cells, unit: 'cells/uL', observedAt: siteNoon(addDays(dosed, offset)) });
    for (const v of await visitsOf(db, id, today)) {
      if (v.plannedDate > today) break;
      await recordVisit(db, crc, v.id, v.plannedDate, `HIS-${v.visitCode}-${i + 1}`);
      if (v.visitCode === 'm3')
        await recordAssessment(db, crc, { subjectId: id, visitId: v.id, observedAt: siteNoon(v.plannedDate), assessment: { sledai2k: { items: ['low-complement'] }, pga: 0.4, prednisoneMgPerDay: 5 } });
    }
  }
  await recordAdverseEvent(db, { user: 'pi.zhang' }, {
    subjectId: cohort1[1]!,
    term: 'Cytokine release syndrome',
    grading: 'astct-crs',
    onsetDate: day(-123),
    resolvedDate: day(-120),
    basis: { findings: { syndrome: 'crs', findings: { feverC: 38.9, hypotension: 'none', oxygen: 'low-flow' } } },
    relatedness: 'definite',
    action: 'tocilizumab 8 mg/kg',
    outcome: 'recovered',
  });
  const anc = await enterObservation(db, crc, { subjectId: cohort1[0]!, kind: 'lab', code: 'anc', valueNum: 0.8, unit: '10*9/L', refLow: 1.8, refHigh: 6.3, observedAt: siteNoon(day(-133)) });
  await recordAdverseEvent(db, { user: 'pi.zhang' }, {
    subjectId: cohort1[0]!,
    term: 'Neutrophil count decreased',
    grading: 'ctcae',
    onsetDate: day(-133),
    resolvedDate: day(-126),
    basis: { observationId: anc.id },
    relatedness: 'probable',
    outcome: 'recovered',
  });
  const anc3 = await db.query<{ id: string }>(`SELECT id FROM adverse_event WHERE subject_id = $1 AND term = 'Neutrophil count decreased'`, [cohort1[0]!]);
  await adjudicateDlt(db, pi, anc3[0]!.id, 'no', 'grade 3 neutropenia resolved within 7 days without sequelae: not a DLT by the protocol');
  // Their DLT windows are long over: in follow-up now. Their imported values were reviewed.
  for (const id of cohort1) {
    await changeStatus(db, { user: 'pi.zhang', reason: 'DLT window completed' }, id, 'follow_up');
    const proposals = await db.query<{ id: string }>(`SELECT id FROM observation WHERE subject_id = $1 AND status = 'proposed'`, [id]);
    for (const p of proposals) await decideProposal(db, { user: 'crc.li', reason: 'checked against the HIS report' }, p.id, 'accept');
  }
  await raiseQuery(db, { user: 'cra.wang' }, { studyId: study.id, subjectId: cohort1[0]!, tableName: 'observation', rowId: anc.id, field: 'value_num', text: 'Please attach the source lab report for this ANC.' });

  // The committee's step to dose level 2, and cohort 2's sentinel dosed today.
  await recordDecision(db, { user: 'src.zhou' }, { studyId: study.id, asOf: today, nextLevel: 2 });
  await signDecision(db, { username: 'src.zhou', password: demoPassword }, study.id, 1);
  for (const number of ['005', '006']) {
    const s = await screened(number, day(-6), 'yes');
    await enrol(db, crc, s.id, today);
    if (number === '005') await administerDose(db, crc, { subjectId: s.id, level: 2, startedAt: new Date() });
  }
  return { study: study.code, today, users: demoPeople.map((p) => p.username), subjects: 6 };
}
