// A small study as the mappers see it, built by hand so the mapping tests need no database.
import { hn2301 } from '../../protocols/test-support.ts';
import type { Site, Study, Subject } from '../../store/schema.ts';
import type { AdverseEventRow, DoseRow, ObservationRow } from '../../store/schema-conduct.ts';
import type { ExportData } from './export-data.ts';

const at = (iso: string) => new Date(iso);
const audited = { version: 1, createdAt: at('2026-03-01T08:00:00Z') };

export const study: Study = { id: '00000000-0000-4000-8000-000000000001', code: 'hn2301', title: 'HN2301', ...audited };
export const site: Site = { id: '00000000-0000-4000-8000-000000000002', studyId: study.id, code: 'ustc-fah', name: 'USTC FAH', ...audited };

export const subject = (n: string, over: Partial<Subject> = {}): Subject => ({
  id: `00000000-0000-4000-8000-0000000001${n}`,
  studyId: study.id,
  siteId: site.id,
  screeningNumber: n,
  status: 'follow_up',
  doseLevel: 1,
  cohort: 1,
  enrolledOn: '2026-03-01',
  ...audited,
  ...over,
});

export const observationRow = (over: Partial<ObservationRow>): ObservationRow => ({
  id: '00000000-0000-4000-8000-000000000301',
  subjectId: subject('001').id,
  visitId: null,
  kind: 'lab',
  code: 'anc',
  valueNum: 0.8,
  valueText: null,
  valueJson: null,
  unit: '10*9/L',
  refLow: 1.8,
  refHigh: 6.3,
  observedAt: at('2026-03-08T04:00:00Z'),
  status: 'final',
  source: 'entry',
  importId: null,
  importRow: null,
  ...audited,
  ...over,
});

export const dose: DoseRow = {
  id: '00000000-0000-4000-8000-000000000401',
  subjectId: subject('001').id,
  doseLevel: 1,
  amount: null,
  unit: null,
  startedAt: at('2026-03-03T04:00:00Z'),
  endedAt: null,
  status: 'given',
  ...audited,
};

export const adverseEventRow = (over: Partial<AdverseEventRow> = {}): AdverseEventRow => ({
  id: '00000000-0000-4000-8000-000000000501',
  subjectId: subject('001').id,
  term: 'Neutrophil count decreased',
  grading: 'ctcae',
  onsetDate: '2026-03-08',
  resolvedDate: '2026-03-15',
  gradeAuto: 3,
  grade: 3,
  gradeOverrideReason: null,
  gradingBasis: null,
  serious: false,
  relatedness: 'probable',
  action: null,
  outcome: 'recovered',
  dltSuggested: true,
  dltRule: 'other-grade-3-or-more',
  dlt: 'no',
  status: 'active',
  ...audited,
  ...over,
});

export function exportData(): ExportData {
  return {
    study,
    protocol: hn2301,
    sites: [site],
    subjects: [
      { subject: subject('001'), demographics: { sex: 'female', birthYear: '1989' } },
      { subject: subject('004', { status: 'screen_failed', doseLevel: null, cohort: null, enrolledOn: null }), demographics: {} },
    ],
    observations: [
      observationRow({}),
      observationRow({ id: '00000000-0000-4000-8000-000000000302', kind: 'vital', code: 'weight', valueNum: 58.5, unit: 'kg', refLow: null, refHigh: null }),
      observationRow({ id: '00000000-0000-4000-8000-000000000303', kind: 'sledai2k', code: 'sledai2k', valueNum: null, unit: null, refLow: null, refHigh: null, valueJson: { items: ['arthritis', 'rash', 'low-complement'] } }),
      observationRow({ id: '00000000-0000-4000-8000-000000000304', kind: 'pga', code: 'pga', valueNum: 1.8, unit: null, refLow: null, refHigh: null }),
      observationRow({ id: '00000000-0000-4000-8000-000000000305', code: 'urineHcg', valueNum: null, valueText: 'negative', unit: null, refLow: null, refHigh: null }),
      observationRow({ id: '00000000-0000-4000-8000-000000000306', code: 'creatinine', valueNum: 71, unit: 'umol/L', refLow: 45, refHigh: 84 }),
      observationRow({ id: '00000000-0000-4000-8000-000000000307', kind: 'glucocorticoid', code: 'prednisone-mg-per-day', valueNum: 15, unit: 'mg/d', refLow: null, refHigh: null }),
    ],
    doses: [dose],
    adverseEvents: [adverseEventRow(), adverseEventRow({ id: '00000000-0000-4000-8000-000000000502', term: 'Cytokine release syndrome', grading: 'astct-crs', grade: 2, gradeAuto: 2, relatedness: 'not-related', dlt: null, outcome: 'resolving slowly' })],
  };
}
