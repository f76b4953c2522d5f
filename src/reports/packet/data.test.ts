import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { addDays } from '../../domain/conduct/index.ts';
import { evaluateProtocol } from '../../domain/eligibility/index.ts';
import { bundleToRecord, defaultCodeTables } from '../../fhir/index.ts';
import type { Db } from '../../store/db.ts';
import { describeEachBackend } from '../../store/test-support.ts';
import {
  addSubject,
  adjudicateDlt,
  administerDose,
  changeStatus,
  enrol,
  enterObservation,
  recordAdverseEvent,
  recordAssessment,
  recordDecision,
  recordVisit,
  screenSubject,
  signDecision,
  siteDate,
  siteNoon,
  visitsOf,
} from '../../store/trial/index.ts';
import { hn2301, trialWithPeople } from '../../store/trial/test-support.ts';
import { syntheticBundle } from '../../synth/index.ts';
import { packetData } from './data.ts';
import type { PacketModel } from './model.ts';

/** A synthetic SLE patient who screens not eligible, and the criteria they miss. */
function ineligible(asOf: string): { text: string; notMet: string[] } {
  for (let seed = 1; seed < 500; seed++) {
    const bundle = syntheticBundle(seed, 'sle', asOf);
    const record = bundleToRecord(bundle, defaultCodeTables());
    if (!record.ok) continue;
    const result = evaluateProtocol(hn2301(), record.value, asOf);
    if (result.eligible === 'no') return { text: JSON.stringify(bundle), notMet: result.criteria.filter((c) => c.status === 'not-met').map((c) => c.id) };
  }
  throw new Error('no ineligible synthetic patient');
}

/**
 * A small HN2301 trial laid out backwards from today (signatures carry the server's date): cohort 1
 * at DL1 dosed on days 0, 14 and 15 with a grade 3 neutropenia (judged not a DLT), a grade 2 CRS
 * and a grade 1 fatigue; 001's SLEDAI-2K from 12 to 2 at month 2 and B cells 150 → 0 → 2 /µL;
 * one screen failure; the committee's escalation signed today and 005 dosed at DL2 today.
 */
async function smallTrial(db: Db) {
  const t = await trialWithPeople(db);
  const today = siteDate(new Date());
  const d0 = addDays(today, -100);
  const day = (n: number) => addDays(d0, n);
  const ids: Record<string, string> = {};
  for (const [number, screenedOn, dosedOn] of [['001', -3, 0], ['002', 1, 14], ['003', 1, 15]] as const) {
    const { subject } = await t.screened(number, day(screenedOn));
    await enrol(db, t.crc, subject.id, day(screenedOn + 1));
    await administerDose(db, t.crc, { subjectId: subject.id, level: 1, startedAt: siteNoon(day(dosedOn)) });
    ids[number] = subject.id;
  }
  const failed = await addSubject(db, t.crc, { studyId: t.study.id, siteId: t.site.id, screeningNumber: '004' });
  const bundle = ineligible(day(20));
  await screenSubject(db, t.crc, { subjectId: failed.id, bundleText: bundle.text, fileName: '004.json', asOf: day(20) });
  await changeStatus(db, { user: 'pi.zhang', reason: 'not eligible' }, failed.id, 'screen_failed');

  const pi = { user: 'pi.zhang' };
  await enterObservation(db, t.crc, { subjectId: ids['001']!, kind: 'lab', code: 'anc', valueNum: 3.2, unit: '10*3/uL', observedAt: siteNoon(day(-2)) });
  const anc = await enterObservation(db, t.crc, { subjectId: ids['001']!, kind: 'lab', code: 'anc', valueNum: 0.8, unit: '10*9/L', refLow: 1.8, refHigh: 6.3, observedAt: siteNoon(day(7)) });
  const neutropenia = await recordAdverseEvent(db, pi, { subjectId: ids['001']!, term: 'Neutrophil count decreased', grading: 'ctcae', onsetDate: day(7), resolvedDate: day(12), basis: { observationId: anc.id }, relatedness: 'probable', outcome: 'recovered' });
  await adjudicateDlt(db, t.pi, neutropenia.event.id, 'no', 'resolved within 5 days');
  await recordAdverseEvent(db, pi, {
    subjectId: ids['002']!,
    term: 'Cytokine release syndrome',
    grading: 'astct-crs',
    onsetDate: day(16),
    resolvedDate: day(19),
    basis: { findings: { syndrome: 'crs', findings: { feverC: 38.9, hypotension: 'none', oxygen: 'low-flow' } } },
    relatedness: 'definite',
  });
  await recordAdverseEvent(db, pi, { subjectId: ids['003']!, term: 'Fatigue', grading: 'ctcae', onsetDate: day(17), grade: 1, relatedness: 'possible' });
  for (const [d, value, unit] of [[-1, 150, '/uL'], [7, 0, '/uL'], [28, 2, 'cells/uL']] as const)
    await enterObservation(db, t.crc, { subjectId: ids['001']!, kind: 'b-cells', code: 'cd19', valueNum: value, unit, observedAt: siteNoon(day(d)) });

  await recordAssessment(db, t.crc, {
    subjectId: ids['001']!,
    observedAt: siteNoon(day(-1)),
    assessment: { sledai2k: { items: ['arthritis', 'rash', 'proteinuria', 'low-complement'] }, pga: 1.8, bilag: { musculoskeletal: 'B', renal: 'B' }, prednisoneMgPerDay: 15 },
  });
  const m2 = (await visitsOf(db, ids['001']!, today)).find((v) => v.visitCode === 'm2')!;
  await recordVisit(db, t.crc, m2.id, m2.plannedDate);
  await recordAssessment(db, t.crc, { subjectId: ids['001']!, visitId: m2.id, observedAt: siteNoon(m2.plannedDate), assessment: { sledai2k: { items: ['low-complement'] }, pga: 0.4, bilag: {}, prednisoneMgPerDay: 5 } });

  await recordDecision(db, { user: 'src.zhou' }, { studyId: t.study.id, asOf: day(44), nextLevel: 2 });
  await signDecision(db, t.src, t.study.id, 1);
  const { subject: s5 } = await t.screened('005', addDays(today, -2));
  await enrol(db, t.crc, s5.id, today);
  await administerDose(db, t.crc, { subjectId: s5.id, level: 2, startedAt: new Date() });
  return { studyId: t.study.id, today, d0, notMet: bundle.notMet };
}

describeEachBackend('packet data', (ctx) => {
  let model: PacketModel;
  let trial: Awaited<ReturnType<typeof smallTrial>>;
  before(async () => {
    trial = await smallTrial(ctx.db());
    model = await ctx.db().transaction((sql) => packetData(sql, trial.studyId, trial.today), { snapshot: true, readOnly: true });
  });

  it('names the study, protocol version, date, design and where the trial stands', () => {
    assert.equal(model.study.code, 'hn2301');
    assert.equal(model.protocolVersion, '1');
    assert.equal(model.asOf, trial.today);
    assert.deepEqual([model.design.design, model.design.variant, model.design.cohortSize, model.design.target, model.design.dltWindowDays], ['3+3', 'a', 3, null, 28]);
    assert.deepEqual(model.position, { cohort: 2, level: 2, stopped: false });
    assert.deepEqual(model.committee, ['SRC.ZHOU']);
  });

  it('places every subject: doses by study day, DLT windows, status', () => {
    const by = new Map(model.subjects.map((s) => [s.number, s]));
    assert.deepEqual([...by.keys()], ['001', '002', '003', '004', '005']);
    const s1 = by.get('001')!;
    assert.deepEqual(s1.doses, [{ date: trial.d0, level: 1, day: 0 }]);
    assert.deepEqual(s1.dltWindow, { end: addDays(trial.d0, 28), endDay: 28, outcome: 'no-dlt' });
    assert.deepEqual([s1.lastDay, s1.ongoing], [100, true]);
    assert.deepEqual(by.get('002')!.doses.map((d) => d.date), [addDays(trial.d0, 14)]);
    assert.equal(by.get('005')!.dltWindow?.outcome, 'pending');
    assert.deepEqual([by.get('004')!.status, by.get('004')!.firstDose, by.get('004')!.notMet], ['screen_failed', null, trial.notMet]);
  });

  it('takes efficacy from the service: SLEDAI-2K 12 at baseline, 2 at month 2, an SRI-4 responder in DORIS remission', () => {
    const s1 = model.subjects.find((s) => s.number === '001')!;
    assert.equal(s1.baselineSledai, 12);
    const m2 = s1.visits.find((v) => v.code === 'm2')!;
    assert.equal(m2.day, 60);
    assert.deepEqual(m2.efficacy, { sledai2k: 2, clinicalSledai: 0, sri4: true, lldas: null, doris: true, prednisoneMgPerDay: 5 });
    // 150 and 0 entered as /µL, 2 as cells/µL: one unit.
    assert.deepEqual(s1.bCells, [{ day: -1, value: 150 }, { day: 7, value: 0 }, { day: 28, value: 2 }]);
  });

  it('lists the adverse events with grades, study days and the signed DLT call; tallies them by grade and level', () => {
    assert.deepEqual(
      model.adverseEvents.map((e) => [e.subject, e.doseLevel, e.term, e.grade, e.onsetDay, e.dlt]),
      [
        ['001', 1, 'Neutrophil count decreased', 3, 7, 'no'],
        ['002', 1, 'Cytokine release syndrome', 2, 2, null],
        ['003', 1, 'Fatigue', 1, 2, null],
      ],
    );
    assert.deepEqual(model.adverseEvents[0]!.adjudication && [model.adverseEvents[0]!.adjudication.by, model.adverseEvents[0]!.adjudication.valid], ['PI.ZHANG', true]);
    assert.deepEqual(model.aeByGrade[0], { level: 1, dosed: 3, events: [1, 1, 1, 0, 0], subjectsByWorstGrade: [1, 1, 1, 0, 0], subjectsWithAe: 3, serious: 0, dlts: 0 });
    assert.deepEqual(model.aeByGrade[1], { level: 2, dosed: 1, events: [0, 0, 0, 0, 0], subjectsByWorstGrade: [0, 0, 0, 0, 0], subjectsWithAe: 0, serious: 0, dlts: 0 });
  });

  it('converts labs to one unit per test', () => {
    const anc = model.labs.find((l) => l.code === 'anc')!;
    assert.equal(anc.unit, '10*9/L');
    assert.deepEqual(anc.points, [{ subject: '001', day: -2, value: 3.2 }, { subject: '001', day: 7, value: 0.8 }]);
  });

  it('summarises cohorts with the signed committee decision', () => {
    const [c1, c2] = model.cohorts;
    assert.deepEqual([c1!.level, c1!.subjects, c1!.dosed, c1!.dlts, c1!.pending, c1!.windowsEnd], [1, ['001', '002', '003'], 3, 0, 0, addDays(trial.d0, 43)]);
    assert.deepEqual([c1!.decision?.nextLevel, c1!.decision?.recommended, c1!.decision?.signatures.map((s) => [s.by, s.valid])], [2, { decision: 'escalate', nextDose: 2 }, [['SRC.ZHOU', true]]]);
    assert.deepEqual([c2!.level, c2!.subjects, c2!.pending, c2!.decision], [2, ['005'], 1, null]);
  });

  it("gives the design's recommendation on the live data, and exact operating characteristics", () => {
    const r = model.recommendation;
    assert.ok(!('refused' in r));
    // 3+3 with one of three treated at DL2: complete the cohort, whatever 005's outcome.
    assert.deepEqual([r.decision, r.nextDose, r.current], ['stay', 2, 2]);
    assert.deepEqual(r.doses, [
      { level: 1, treated: 3, dlts: 0, pending: 0 },
      { level: 2, treated: 1, dlts: 0, pending: 1 },
      { level: 3, treated: 0, dlts: 0, pending: 0 },
    ]);
    assert.deepEqual(r.table[0], { n: 3, escalate: 0, deescalate: 2, eliminate: 2 });
    assert.deepEqual(model.oc.map((o) => o.id), ['mtd-1', 'mtd-2', 'mtd-3', 'all-toxic', 'all-safe']);
    for (const o of model.oc) assert.ok(Math.abs(o.report.selectionPercent.reduce((a, b) => a + b, 0) + o.report.stopPercent - 100) < 1e-9, o.id);
  });

  it('counts the flow from screened to dosed', () => {
    const f = model.flow;
    assert.deepEqual([f.screened, f.screenFailed, f.screening, f.enrolled, f.awaitingDose, f.dosed], [5, 1, 0, 4, 0, 4]);
    assert.deepEqual(f.failureReasons.map((r) => r.criterion).sort(), [...trial.notMet].sort());
    assert.deepEqual(f.byLevel.map((l) => [l.dosed, l.dltAssessed, l.dltPending, l.dlt, l.onStudy]), [[3, 3, 0, 0, 3], [1, 0, 1, 0, 1], [0, 0, 0, 0, 0]]);
  });
});
