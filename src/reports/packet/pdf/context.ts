// What every section of the PDF needs: the writer, the model, and the phrasing of codes in the
// packet's language (statuses, dose levels, dates, numbers).
import type { Localised } from '../../../domain/protocol/index.ts';
import type { Language, Translate } from '../../../i18n/index.ts';
import type { PacketModel } from '../model.ts';
import { siteTimeZone } from '../../../store/trial/index.ts';
import { type PacketWriter, shrink } from './writer.ts';

export interface Section {
  readonly w: PacketWriter;
  readonly model: PacketModel;
  readonly t: Translate;
  readonly language: Language;
  readonly charts: Readonly<Record<string, string>>;
}

export const pick = (s: Section, text: Localised | null) => (text === null ? '' : text[s.language]);

export const levelLabel = (s: Section, level: number | null) => (level === null ? '–' : (s.model.doseLevels[level - 1]?.label ?? `DL${level}`));

export const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '–' : String(v));

/** Four significant digits at most, without trailing zeros: lab values as the laboratory writes them. */
export const num = (v: number | null) => (v === null ? '–' : String(Number(v.toPrecision(4))));

/** A signature time in the site's zone, to the minute (the record keeps UTC). */
export function siteTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: siteTimeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** A catalogue phrase, or the code itself when the catalogue has none (a code from another protocol). */
export function phrase(t: Translate, key: string, params?: Record<string, unknown>): string {
  const text = t(key, params);
  return text === key ? (key.split('.').at(-1) ?? key) : text;
}

/** A section heading kept on one page with the chart that opens the section and a note under it. */
export function chartHeading(s: Section, key: string, chart: string): void {
  const { h, scale } = s.w.chartSize(s.charts[chart]!);
  s.w.heading(s.t(`report.section.${key}`), { key, keepWith: h * scale * shrink + 30 });
}
