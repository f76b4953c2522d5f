// The subject's course on one study-day axis: doses, visits (done, due, overdue), adverse events
// as bars from onset to resolution coloured by grade, and assessments; then the same items as an
// ordered list, which is what a screen reader reads and what the keyboard reaches.
import { useId } from 'react';
import type { Translate } from '../lib/i18n.ts';
import { useI18n } from '../lib/language.tsx';
import { linearScale, niceTicks } from '../lib/scale.ts';
import type { TimelineItem } from '../lib/subject-view.ts';
import type { VisitEfficacy } from '../lib/types.ts';
import { visitName } from '../lib/visit-name.ts';

const rows = ['dose', 'visit', 'adverse-event', 'response'] as const;
/** Efficacy responses share the assessments' row. */
const rowOf = (kind: TimelineItem['kind']) => (kind === 'efficacy' ? 'response' : kind);
const gradeColour = ['#9ca3af', '#65a30d', '#ca8a04', '#ea580c', '#dc2626', '#111827'];
const width = 1000;
const rowHeight = 34;
const left = 120;
const right = 16;

/** SRI-4, LLDAS and DORIS of a visit in a few words: "SRI-4 responder · LLDAS met · DORIS not met". */
export function efficacyText(t: Translate, e: VisitEfficacy): string {
  const parts: string[] = [];
  if (e.sri4) parts.push(t(e.sri4.responder ? 'web.efficacy.sri4Yes' : 'web.efficacy.sri4No'));
  if (e.lldas) parts.push(t(e.lldas.met ? 'web.efficacy.lldasYes' : 'web.efficacy.lldasNo'));
  if (e.doris) parts.push(t(e.doris.met ? 'web.efficacy.dorisYes' : 'web.efficacy.dorisNo'));
  return parts.join(' · ') || t('web.efficacy.none');
}

export function visitTone(state: string | undefined): 'good' | 'bad' | 'warn' | 'neutral' {
  if (state === 'overdue' || state === 'missed' || state?.includes('out-of-window')) return 'bad';
  if (state === 'due' || state === 'due-today') return 'warn';
  if (state?.startsWith('done')) return 'good';
  return 'neutral';
}

export function Timeline({ items, today }: { readonly items: readonly TimelineItem[]; readonly today: number }) {
  const { t, language } = useI18n();
  const id = useId();
  if (items.length === 0) return <p className="empty">{t('web.timeline.empty')}</p>;
  const days = items.flatMap((i) => (i.kind === 'adverse-event' ? [i.day, i.endDay] : [i.day]));
  const ticks = niceTicks(Math.min(...days, 0), Math.max(...days, today), 10);
  const x = linearScale([ticks[0]!, ticks.at(-1)!], [left, width - right]);
  const height = rows.length * rowHeight + 30;
  const y = (kind: TimelineItem['kind']) => rows.indexOf(rowOf(kind)) * rowHeight + rowHeight / 2 + 4;
  return (
    <div className="timeline">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-t`}>
        <title id={`${id}-t`}>{t('web.timeline.svg')}</title>
        {rows.map((r) => (
          <text key={r} x={4} y={y(r)} dy="0.32em" className="row-label">
            {t(`web.timeline.row.${r}`)}
          </text>
        ))}
        {ticks.map((d) => (
          <g key={d} className="axis">
            <line x1={x(d)} x2={x(d)} y1={4} y2={height - 26} className="grid" />
            <text x={x(d)} y={height - 10} textAnchor="middle">
              {d}
            </text>
          </g>
        ))}
        <line x1={x(today)} x2={x(today)} y1={0} y2={height - 26} className="today" />
        {items.map((item, i) => {
          const key = `${item.kind}-${i}`;
          if (item.kind === 'adverse-event') {
            const w = Math.max(4, x(item.endDay) - x(item.day));
            return (
              <rect key={key} x={x(item.day)} y={y(item.kind) - 8} width={w} height={16} rx={3} fill={gradeColour[item.event.grade] ?? '#6b7280'}>
                <title>{`${item.event.term}, ${t('web.ae.grade')} ${item.event.grade} (${item.date})`}</title>
              </rect>
            );
          }
          if (item.kind === 'dose')
            return (
              <path key={key} d={`M${x(item.day)} ${y(item.kind) - 9} l9 9 l-9 9 l-9 -9 z`} className="dose-mark">
                <title>{t('web.timeline.dose', { level: item.dose.doseLevel, date: item.date })}</title>
              </path>
            );
          if (item.kind === 'visit')
            return (
              <circle key={key} cx={x(item.day)} cy={y(item.kind)} r={6} className={`visit-mark visit-${visitTone(item.visit.state)}`}>
                <title>{`${visitName(item.visit, language)} (${item.date})`}</title>
              </circle>
            );
          if (item.kind === 'efficacy')
            return (
              <path key={key} d={`M${x(item.day)} ${y(item.kind) - 7} l7 12 l-14 0 z`} className={item.efficacy.sri4?.responder ? 'efficacy-mark responder' : 'efficacy-mark'}>
                <title>{`${item.efficacy.visitCode}: ${efficacyText(t, item.efficacy)} (${item.date})`}</title>
              </path>
            );
          return (
            <rect key={key} x={x(item.day) - 5} y={y(item.kind) - 5} width={10} height={10} className="response-mark">
              <title>{`${t(`web.obs.${item.code}`)} ${item.value} (${item.date})`}</title>
            </rect>
          );
        })}
      </svg>
      <p className="hint">{t('web.timeline.axis')}</p>
    </div>
  );
}

export function TimelineList({ items }: { readonly items: readonly TimelineItem[] }) {
  const { t, language } = useI18n();
  return (
    <ol className="timeline-list">
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one list built in date order per render
        <li key={i}>
          <time dateTime={item.date}>{item.date}</time> <span className="day">{t('web.timeline.day', { day: item.day })}</span>{' '}
          {item.kind === 'dose'
            ? t('web.timeline.dose', { level: item.dose.doseLevel, date: item.date })
            : item.kind === 'visit'
              ? `${visitName(item.visit, language)} · ${t(`web.visitState.${item.visit.state ?? item.visit.status}`)}`
              : item.kind === 'adverse-event'
                ? t('web.timeline.ae', { term: item.event.term, grade: item.event.grade })
                : item.kind === 'efficacy'
                  ? `${item.efficacy.visitCode}: ${efficacyText(t, item.efficacy)}`
                  : `${t(`web.obs.${item.code}`)} ${item.value}`}
        </li>
      ))}
    </ol>
  );
}
