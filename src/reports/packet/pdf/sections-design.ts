// The dose-escalation side: the path so far, the design's recommendation today with the data it
// used, how it got there (its explanation steps, phrased) and its decision table, the design's
// operating characteristics, and the committee's signature block.
import { formatExplanation, formatIssue } from '../../../i18n/index.ts';
import { defaultTarget } from '../oc-scenarios.ts';
import { chartHeading, levelLabel, type Section } from './context.ts';
import { table } from './table.ts';
import { page, textWidth } from './writer.ts';

export function escalationPath(s: Section): void {
  chartHeading(s, 'path', 'escalation-path');
  s.w.chart(s.charts['escalation-path']!);
}

export function recommendation(s: Section): void {
  const { model: m, t, w } = s;
  w.heading(t('report.section.recommendation'), { key: 'recommendation' });
  const r = m.recommendation;
  if ('refused' in r) {
    w.paragraph(t('report.recommendation.refused', { reason: formatIssue(r.refused, s.language) }));
    return;
  }
  const parts = [t(`cli.trial.decision.${r.decision}`)];
  if (r.nextDose !== null) parts.push(t('report.recommendation.next', { level: levelLabel(s, r.nextDose) }));
  if (r.mtd !== null) parts.push(t('report.recommendation.mtd', { mtd: levelLabel(s, r.mtd) }));
  w.paragraph(t('report.recommendation.text', { decision: parts.join(s.language === 'zh-CN' ? '，' : ', ') }), { size: 11, bold: true });
  if (r.needed.length > 0) w.paragraph(t('report.recommendation.needed', { subjects: r.needed.join(', ') }));
  w.subheading(t('report.recommendation.data', { current: levelLabel(s, r.current) }));
  table(
    w,
    [
      { header: t('report.col.level'), width: 0.25, align: 'center' },
      { header: t('report.col.treated'), width: 0.25, align: 'right' },
      { header: t('report.col.dlts'), width: 0.25, align: 'right' },
      { header: t('report.col.pending'), width: 0.25, align: 'right' },
    ],
    r.doses.map((d) => [levelLabel(s, d.level), String(d.treated), String(d.dlts), String(d.pending)]),
  );
  w.subheading(t('report.recommendation.why'));
  for (const line of formatExplanation(r.explanation, s.language)) w.paragraph(`• ${line}`, { indent: 8 });
  if (r.table.length > 0) {
    w.subheading(t('report.recommendation.table'));
    const cell = (v: number | null) => (v === null ? '–' : String(v));
    table(
      w,
      [
        { header: t('report.col.n'), width: 0.25, align: 'center' },
        { header: t('report.col.escalate'), width: 0.25, align: 'center' },
        { header: t('report.col.deescalate'), width: 0.25, align: 'center' },
        { header: t('report.col.eliminate'), width: 0.25, align: 'center' },
      ],
      r.table.map((row) => [String(row.n), cell(row.escalate), cell(row.deescalate), cell(row.eliminate)]),
    );
  }
}

export function operatingCharacteristics(s: Section): void {
  const { model: m, t, w } = s;
  w.heading(t('report.section.oc'), { key: 'oc', keepWith: 140 });
  w.paragraph(t('report.oc.note', { target: m.design.target ?? defaultTarget }), { size: 8.5, colour: '#444444' });
  w.doc.moveDown(0.3);
  const fixed = (v: number, d: number) => v.toFixed(d);
  table(
    w,
    [
      { header: t('report.col.scenario'), width: 0.16 },
      { header: t('report.col.truth'), width: 0.16, align: 'center' },
      { header: t('report.col.selection'), width: 0.2, align: 'center' },
      { header: t('report.col.patients'), width: 0.2, align: 'center' },
      { header: t('report.col.stop'), width: 0.12, align: 'right' },
      { header: t('report.col.total'), width: 0.16, align: 'right' },
    ],
    m.oc.map((o) => [
      o.id.startsWith('mtd-') ? t('report.oc.scenario.mtd', { level: levelLabel(s, Number(o.id.slice(4))) }) : t(`report.oc.scenario.${o.id}`),
      o.truth.map((p) => fixed(p, 2)).join(' / '),
      o.report.selectionPercent.map((p) => fixed(p, 1)).join(' / '),
      o.report.patients.map((p) => fixed(p, 2)).join(' / '),
      fixed(o.report.stopPercent, 1),
      `${fixed(o.report.totalPatients, 2)} (${fixed(o.report.totalPatientsSd, 2)})`,
    ]),
  );
}

/** One block per committee member (or three blank ones when none is on record): name, signature, date. */
export function signatures(s: Section): void {
  const { model: m, t, w } = s;
  w.heading(t('report.section.signatures'), { key: 'signatures', keepWith: 120 });
  w.paragraph(t('report.signatures.intro', { asOf: m.asOf }));
  w.doc.moveDown(0.8);
  const names = m.committee.length > 0 ? m.committee : ['', '', ''];
  const cols = [0.36, 0.4, 0.24].map((f) => f * textWidth);
  for (const name of names) {
    w.keep(52);
    const y = w.doc.y + 26;
    let x = page.left;
    const labels = [t('report.signatures.name'), t('report.signatures.signature'), t('report.signatures.date')];
    labels.forEach((label, i) => {
      w.doc.moveTo(x, y).lineTo(x + cols[i]! - 14, y).lineWidth(0.6).strokeColor('#333333').stroke();
      w.font('regular', 8).doc.fillColor('#555555').text(label, x, y + 3, { width: cols[i]! - 14, lineBreak: false });
      x += cols[i]!;
    });
    w.doc.fillColor('black');
    if (name) w.font('regular', 10).doc.text(name, page.left, y - 14, { width: cols[0]! - 14, lineBreak: false });
    else w.font('regular', 8).doc.fillColor('#999999').text(t('report.signatures.member'), page.left, y - 12, { width: cols[0]! - 14, lineBreak: false }).fillColor('black');
    w.doc.x = page.left;
    w.doc.y = y + 22;
  }
  w.font('regular', 9.5);
}
