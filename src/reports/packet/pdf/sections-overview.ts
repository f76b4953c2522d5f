// The packet's opening: the cover (study, protocol version, data date, design, where the trial
// stands, contents), the cohort summary with the committee's decisions, every subject's place,
// and the subject flow.
import type { CohortSummary } from '../model.ts';
import { chartHeading, dash, levelLabel, pick, type Section, siteTime } from './context.ts';
import { table } from './table.ts';

export const sectionKeys = ['cohorts', 'flow', 'dlt', 'ae', 'ae-listing', 'swimmer', 'labs', 'efficacy', 'path', 'recommendation', 'oc', 'signatures'] as const;

export function designText(s: Section): string {
  const d = s.model.design;
  return s.t(`report.design.${d.design}`, { variant: d.variant ?? 'a', size: d.cohortSize, target: d.target ?? '–', levels: s.model.doseLevels.length });
}

export function cover(s: Section): void {
  const { model: m, t, w } = s;
  w.title(t('report.title'));
  w.font('bold', 12).doc.text(pick(s, m.study.title), { width: w.doc.page.width - 84 });
  w.doc.moveDown(0.8);
  w.font('regular', 9.5);
  const p = m.position;
  w.fields([
    [t('report.cover.registry'), `${m.study.registryId} (${m.study.code})`],
    [t('report.cover.sponsor'), m.study.sponsor],
    [t('report.cover.sites'), m.study.sites.map((x) => pick(s, x)).join('; ')],
    [t('report.cover.version'), m.protocolVersion],
    [t('report.cover.as-of'), m.asOf],
    [t('report.cover.design'), designText(s)],
    [t('report.cover.window'), t('report.design.window', { days: m.design.dltWindowDays, count: m.design.sentinel.count, wait: m.design.sentinel.waitDays })],
    [t('report.cover.position'), p.stopped ? t('report.position.stopped', { cohort: p.cohort }) : t('report.position.open', { cohort: p.cohort, level: levelLabel(s, p.level) })],
    [t('report.cover.subjects'), t('report.subjects.count', { screened: m.flow.screened, enrolled: m.flow.enrolled, dosed: m.flow.dosed })],
  ]);
  w.subheading(t('report.cover.contents'));
  for (const key of sectionKeys) w.contentsLine(key, t(`report.section.${key}`));
}

function decisionText(s: Section, c: CohortSummary): string {
  const d = c.decision;
  if (!d) return s.t('report.decision.none');
  const next = d.nextLevel === null ? s.t('report.decision.stop') : s.t('report.decision.next-level', { level: levelLabel(s, d.nextLevel) });
  const recommended = d.recommended.nextDose === null ? s.t(`cli.trial.decision.${d.recommended.decision}`) : `${s.t(`cli.trial.decision.${d.recommended.decision}`)} → ${levelLabel(s, d.recommended.nextDose)}`;
  const lines = [s.t('report.decision.text', { next, on: d.decidedOn, recommended })];
  if (d.overrideReason) lines.push(s.t('report.decision.override', { reason: d.overrideReason }));
  const signed = d.signatures.map((x) => s.t(x.valid ? 'report.signature.valid' : 'report.signature.broken', { by: x.by, at: siteTime(x.at) }));
  lines.push(signed.length ? s.t('report.decision.signed', { signatures: signed.join('; ') }) : s.t('report.decision.unsigned'));
  return lines.join('\n');
}

export function cohortSummary(s: Section): void {
  const { model: m, t, w } = s;
  w.newPage();
  w.heading(t('report.section.cohorts'), { key: 'cohorts' });
  table(
    w,
    [
      { header: t('report.col.cohort'), width: 0.07, align: 'center' },
      { header: t('report.col.level'), width: 0.08, align: 'center' },
      { header: t('report.col.subjects'), width: 0.14 },
      { header: t('report.col.dosed'), width: 0.07, align: 'right' },
      { header: t('report.col.dlts'), width: 0.06, align: 'right' },
      { header: t('report.col.pending'), width: 0.1, align: 'right' },
      { header: t('report.col.windows-end'), width: 0.12 },
      { header: t('report.col.decision'), width: 0.36 },
    ],
    m.cohorts.map((c) => [String(c.cohort), levelLabel(s, c.level), c.subjects.join(', '), String(c.dosed), String(c.dlts), String(c.pending), dash(c.windowsEnd), decisionText(s, c)]),
  );
  w.subheading(t('report.col.subjects'));
  table(
    w,
    [
      { header: t('report.col.subject'), width: 0.1 },
      { header: t('report.col.status'), width: 0.16 },
      { header: t('report.col.level'), width: 0.1, align: 'center' },
      { header: t('report.col.cohort'), width: 0.08, align: 'center' },
      { header: t('report.col.first-dose'), width: 0.14 },
      { header: t('report.col.dlt-window'), width: 0.42 },
    ],
    m.subjects.map((x) => [
      x.number,
      t(`conduct.status.${x.status}`),
      levelLabel(s, x.doseLevel),
      dash(x.cohort),
      dash(x.firstDose),
      x.dltWindow ? t('report.window.text', { end: x.dltWindow.end, outcome: t(`report.outcome.${x.dltWindow.outcome}`) }) : '–',
    ]),
  );
}

export function subjectFlow(s: Section): void {
  chartHeading(s, 'flow', 'consort');
  s.w.chart(s.charts.consort!, 24);
  s.w.paragraph(s.t('report.flow.note'), { size: 8.5, colour: '#444444' });
}
