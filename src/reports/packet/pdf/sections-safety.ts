// Safety: the DLT listing (every event suggested as a DLT or adjudicated, with the investigator's
// signed call), adverse events by grade and dose level, the full listing, and each subject's
// course on the swimmer plot.
import type { PacketAdverseEvent } from '../model.ts';
import { chartHeading, dash, levelLabel, phrase, type Section, siteTime } from './context.ts';
import { table } from './table.ts';

const gradeText = (s: Section, e: PacketAdverseEvent) =>
  `${e.grade}${e.gradeAuto !== null ? ` ${s.t('report.ae.auto-grade', { grade: e.gradeAuto })}` : ''}\n${phrase(s.t, `conduct.system.${e.grading}`)}`;

const dayText = (date: string | null, day: number | null) => (date === null ? '–' : day === null ? date : `${date} (${day})`);

export function dltListing(s: Section): void {
  const { model: m, t, w } = s;
  w.heading(t('report.section.dlt'), { key: 'dlt' });
  const rows = m.adverseEvents.filter((e) => e.dltSuggested || e.dlt !== null);
  if (rows.length === 0) {
    w.paragraph(t('report.none', { asOf: m.asOf }));
    return;
  }
  table(
    w,
    [
      { header: t('report.col.subject'), width: 0.08 },
      { header: t('report.col.level'), width: 0.08, align: 'center' },
      { header: t('report.col.term'), width: 0.15 },
      { header: t('report.col.grade'), width: 0.1 },
      { header: t('report.col.onset'), width: 0.12 },
      { header: t('report.col.rule'), width: 0.18 },
      { header: t('report.col.call'), width: 0.13 },
      { header: t('report.col.signed'), width: 0.16 },
    ],
    rows.map((e) => [
      e.subject,
      levelLabel(s, e.doseLevel),
      e.term,
      gradeText(s, e),
      dayText(e.onsetDate, e.onsetDay),
      e.dltRule ? phrase(t, `explain.conduct.dlt.rule.${e.dltRule}`, { term: e.term, grade: e.grade }) : '–',
      t(e.dlt === 'yes' ? 'report.dlt.yes' : e.dlt === 'no' ? 'report.dlt.no' : 'report.dlt.open'),
      e.adjudication ? t(e.adjudication.valid ? 'report.signature.valid' : 'report.signature.broken', { by: e.adjudication.by, at: siteTime(e.adjudication.at) }) : '–',
    ]),
  );
}

export function aeByGradeTable(s: Section): void {
  const { model: m, t, w } = s;
  w.heading(t('report.section.ae'), { key: 'ae' });
  table(
    w,
    [
      { header: t('report.col.level'), width: 0.1, align: 'center' },
      { header: t('report.col.dosed'), width: 0.09, align: 'right' },
      { header: t('report.col.events'), width: 0.22, align: 'center' },
      { header: t('report.col.worst'), width: 0.25, align: 'center' },
      { header: t('report.col.with-ae'), width: 0.14, align: 'right' },
      { header: t('report.col.sae'), width: 0.1, align: 'right' },
      { header: t('report.col.dlts'), width: 0.1, align: 'right' },
    ],
    m.aeByGrade.map((r) => [levelLabel(s, r.level), String(r.dosed), r.events.join(' / '), r.subjectsByWorstGrade.join(' / '), String(r.subjectsWithAe), String(r.serious), String(r.dlts)]),
  );
}

export function aeListing(s: Section): void {
  const { model: m, t, w } = s;
  w.heading(t('report.section.ae-listing'), { key: 'ae-listing' });
  if (m.adverseEvents.length === 0) {
    w.paragraph(t('report.none', { asOf: m.asOf }));
    return;
  }
  table(
    w,
    [
      { header: t('report.col.subject'), width: 0.08 },
      { header: t('report.col.level'), width: 0.08, align: 'center' },
      { header: t('report.col.term'), width: 0.17 },
      { header: t('report.col.grade'), width: 0.11 },
      { header: t('report.col.onset'), width: 0.13 },
      { header: t('report.col.resolved'), width: 0.13 },
      { header: t('report.col.serious'), width: 0.08, align: 'center' },
      { header: t('report.col.related'), width: 0.12 },
      { header: t('report.col.outcome'), width: 0.1 },
    ],
    m.adverseEvents.map((e) => [
      e.subject,
      levelLabel(s, e.doseLevel),
      e.action ? `${e.term}\n(${e.action})` : e.term,
      gradeText(s, e),
      dayText(e.onsetDate, e.onsetDay),
      dayText(e.resolvedDate, e.resolvedDay),
      t(e.serious ? 'report.yes' : 'report.no'),
      phrase(t, `conduct.relatedness.${e.relatedness}`),
      dash(e.outcome),
    ]),
  );
}

export function swimmer(s: Section): void {
  chartHeading(s, 'swimmer', 'swimmer');
  s.w.chart(s.charts.swimmer!);
}
