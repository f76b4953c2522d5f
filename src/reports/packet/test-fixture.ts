// A hand-made packet model for the chart and PDF tests (no database): two dose levels dosed, a
// DLT, adverse events of several grades, responses, B-cell depletion and recovery, labs, two screen
// failures, a signed committee decision. Its numbers are chosen, not computed, so tests can count.
import { addDays } from '../../domain/conduct/index.ts';
import { exactOC, threePlusThreeDesign } from '../../domain/escalation/index.ts';
import { unwrap } from '../../domain/result.ts';
import { aeByGrade } from './ae-summary.ts';
import { consortFlow } from './flow.ts';
import type { PacketAdverseEvent, PacketModel, PacketSubject, PacketVisit } from './model.ts';
import { ocScenarios } from './oc-scenarios.ts';

const efficacy = (sledai2k: number, sri4: boolean, lldas: boolean, doris: boolean): PacketVisit['efficacy'] => ({ sledai2k, clinicalSledai: sledai2k, sri4, lldas, doris, prednisoneMgPerDay: 5 });

const visits = (days: number, scores: readonly [number, boolean, boolean, boolean][]): PacketVisit[] =>
  [
    { code: 'd28', day: 28 },
    { code: 'm2', day: 60 },
    { code: 'm3', day: 90 },
    { code: 'm4', day: 120 },
  ]
    .filter((v) => v.day <= days)
    .map((v, i) => ({ code: v.code, name: { en: v.code.toUpperCase(), 'zh-CN': v.code.toUpperCase() }, day: v.day, date: '2026-01-01', efficacy: i === 0 || !scores[i - 1] ? null : efficacy(...scores[i - 1]!) }));

function dosed(number: string, level: number, cohort: number, firstDose: string, lastDay: number, outcome: 'dlt' | 'no-dlt' | 'pending', extra: Partial<PacketSubject> = {}): PacketSubject {
  return {
    number,
    status: lastDay > 28 ? 'follow_up' : 'dosed',
    doseLevel: level,
    cohort,
    enrolledOn: firstDose,
    firstDose,
    doses: [{ day: 0, date: firstDose, level }],
    dltWindow: { end: addDays(firstDose, 28), endDay: 28, outcome },
    lastDay,
    ongoing: true,
    baselineSledai: 12,
    visits: [],
    bCells: [],
    notMet: [],
    ...extra,
  };
}

const depletion = (offset: number) => [
  { day: -1, value: 180 + offset },
  { day: 7, value: 2 },
  { day: 28, value: 0 },
  { day: 90, value: 35 + offset / 4 },
];

export const subjects: PacketSubject[] = [
  dosed('001', 1, 1, '2026-06-01', 140, 'no-dlt', { visits: visits(140, [[8, true, false, false], [4, true, true, false], [2, true, true, true]]), bCells: depletion(0) }),
  dosed('002', 1, 1, '2026-06-15', 126, 'no-dlt', { visits: visits(126, [[10, false, false, false], [6, true, false, false], [4, true, true, false]]), bCells: depletion(40) }),
  dosed('003', 1, 1, '2026-06-16', 125, 'no-dlt', { status: 'completed', ongoing: false, visits: visits(125, [[12, false, false, false], [12, false, false, false], [10, false, false, false]]) }),
  { ...dosed('004', 1, 1, '2026-01-01', 0, 'pending'), status: 'screen_failed', doseLevel: null, cohort: null, enrolledOn: null, firstDose: null, doses: [], dltWindow: null, lastDay: null, ongoing: false, baselineSledai: null, notMet: ['sledai-2k', 'renal'] },
  dosed('005', 2, 2, '2026-10-20', 41, 'dlt', { visits: visits(41, []), bCells: [{ day: -1, value: 150 }, { day: 7, value: 0 }] }),
  dosed('006', 2, 2, '2026-11-05', 25, 'pending'),
  { ...dosed('007', 2, 2, '2026-11-05', 0, 'pending'), status: 'enrolled', firstDose: null, doses: [], dltWindow: null, lastDay: null, ongoing: false, baselineSledai: null },
  { ...dosed('008', 1, 1, '2026-01-01', 0, 'pending'), status: 'screen_failed', doseLevel: null, cohort: null, enrolledOn: null, firstDose: null, doses: [], dltWindow: null, lastDay: null, ongoing: false, baselineSledai: null, notMet: ['renal'] },
];

const ae = (subject: string, doseLevel: number, term: string, grade: number, onsetDay: number, resolvedDay: number | null, extra: Partial<PacketAdverseEvent> = {}): PacketAdverseEvent => ({
  subject,
  doseLevel,
  term,
  grading: 'ctcae',
  grade,
  gradeAuto: null,
  onsetDate: '2026-06-03',
  onsetDay,
  resolvedDate: resolvedDay === null ? null : '2026-06-10',
  resolvedDay,
  serious: false,
  relatedness: 'probable',
  outcome: resolvedDay === null ? null : 'recovered',
  action: null,
  dltSuggested: false,
  dltRule: null,
  dlt: null,
  adjudication: null,
  ...extra,
});

export const events: PacketAdverseEvent[] = [
  ae('001', 1, 'Neutrophil count decreased', 3, 7, 14, { dltSuggested: true, dltRule: 'other-grade-3-or-more', dlt: 'no', adjudication: { by: 'Zhang Wei', at: '2026-06-20T03:00:00.000Z', valid: true } }),
  ae('002', 1, 'Cytokine release syndrome', 2, 2, 5, { grading: 'astct-crs', relatedness: 'definite', action: 'tocilizumab 8 mg/kg' }),
  ae('002', 1, 'Fatigue', 1, 3, null),
  ae('005', 2, '免疫效应细胞相关神经毒性综合征 (ICANS)', 4, 5, 12, { grading: 'astct-icans', serious: true, dltSuggested: true, dltRule: 'icans-grade-3-or-more', dlt: 'yes', adjudication: { by: 'Zhang Wei', at: '2026-10-28T03:00:00.000Z', valid: true } }),
  ae('006', 2, 'Alanine aminotransferase increased', 2, 10, null),
];

const oc = ocScenarios(3, 0.3).map(({ id, truth }) => ({ id, truth, report: unwrap(exactOC(unwrap(threePlusThreeDesign({ doses: 3 })), truth, { target: 0.3 })) }));

export const packetFixture: PacketModel = {
  study: {
    code: 'hn2301',
    title: { en: 'Dose-escalation study of HN2301 in relapsing or refractory SLE', 'zh-CN': 'HN2301 治疗复发/难治性系统性红斑狼疮的剂量递增研究' },
    shortTitle: 'HN2301',
    registryId: 'NCT06801119',
    sponsor: 'Shenzhen MagicRNA Biotechnology Co., Ltd',
    sites: [{ en: 'The First Affiliated Hospital of USTC', 'zh-CN': '中国科学技术大学附属第一医院' }],
  },
  protocolVersion: '1',
  asOf: '2026-11-30',
  design: { design: '3+3', variant: 'a', cohortSize: 3, target: null, dltWindowDays: 28, sentinel: { count: 1, waitDays: 14 }, plannedParticipants: 9 },
  doseLevels: [1, 2, 3].map((level) => ({ level, label: `DL${level}`, amount: null, description: { en: `Dose ${level}`, 'zh-CN': `剂量 ${level}` } })),
  position: { cohort: 2, level: 2, stopped: false },
  subjects,
  cohorts: [
    {
      cohort: 1,
      level: 1,
      subjects: ['001', '002', '003'],
      dosed: 3,
      dlts: 0,
      pending: 0,
      windowsEnd: '2026-07-14',
      decision: {
        decidedOn: '2026-07-20',
        nextLevel: 2,
        recommended: { decision: 'escalate', nextDose: 2 },
        overrideReason: null,
        signatures: [{ by: 'Zhou Min', role: 'safety_committee', at: '2026-07-20T02:00:00.000Z', valid: true }],
      },
    },
    { cohort: 2, level: 2, subjects: ['005', '006', '007'], dosed: 2, dlts: 1, pending: 1, windowsEnd: '2026-12-03', decision: null },
  ],
  adverseEvents: events,
  aeByGrade: aeByGrade(events, subjects, 3),
  labs: [
    {
      code: 'anc',
      unit: '10*9/L',
      unconverted: 0,
      points: [
        { subject: '001', day: -1, value: 3.1 },
        { subject: '001', day: 7, value: 0.8 },
        { subject: '001', day: 14, value: 1.6 },
        { subject: '002', day: -1, value: 4.2 },
        { subject: '002', day: 7, value: 2.5 },
      ],
    },
    { code: 'alt', unit: 'U/L', unconverted: 1, points: [{ subject: '006', day: -1, value: 30 }, { subject: '006', day: 10, value: 95 }] },
  ],
  recommendation: {
    decision: 'wait',
    nextDose: null,
    mtd: null,
    reason: 'pending-could-change',
    needed: ['006'],
    explanation: [{ code: 'pending-could-change', params: { pending: 1, needed: ['006'] } }],
    table: [
      { n: 3, escalate: 0, deescalate: 2, eliminate: 2 },
      { n: 6, escalate: 1, deescalate: 2, eliminate: 2 },
    ],
    doses: [
      { level: 1, treated: 3, dlts: 0, pending: 0 },
      { level: 2, treated: 2, dlts: 1, pending: 1 },
      { level: 3, treated: 0, dlts: 0, pending: 0 },
    ],
    current: 2,
  },
  oc,
  flow: consortFlow(subjects, 3),
  committee: ['Zhou Min', '王芳'],
};
