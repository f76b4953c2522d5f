// The packet as a PDF: the model's sections in a fixed order, the charts embedded as vectors,
// every page headed with the study, protocol version and data date and footed with its number.
// English or Simplified Chinese; one CJK font for both (font.ts).
import { type Language, translator } from '../../../i18n/index.ts';
import { packetCharts } from '../../charts/index.ts';
import type { PacketModel } from '../model.ts';
import type { Section } from './context.ts';
import { type PacketFonts, packetFonts } from './font.ts';
import { cohortSummary, cover, subjectFlow } from './sections-overview.ts';
import { aeByGradeTable, aeListing, dltListing, swimmer } from './sections-safety.ts';
import { efficacy, labTrends } from './sections-efficacy.ts';
import { escalationPath, operatingCharacteristics, recommendation, signatures } from './sections-design.ts';
import { PacketWriter } from './writer.ts';

export interface PacketPdf {
  readonly bytes: Buffer;
  readonly pages: number;
  /** The charts as embedded, by name: the same SVGs the web app serves. */
  readonly charts: Readonly<Record<string, string>>;
}

export async function packetPdf(model: PacketModel, language: Language, fonts: PacketFonts = packetFonts()): Promise<PacketPdf> {
  const t = translator(language);
  const charts = packetCharts(model, t);
  const w = new PacketWriter(fonts, { title: `${t('report.title')} – ${model.study.shortTitle ?? model.study.code}`, subject: `${model.study.code} ${model.asOf}`, language });
  const s: Section = { w, model, t, language, charts };
  cover(s);
  cohortSummary(s);
  subjectFlow(s);
  w.newPage();
  dltListing(s);
  aeByGradeTable(s);
  aeListing(s);
  swimmer(s);
  w.newPage();
  labTrends(s);
  efficacy(s);
  w.newPage();
  escalationPath(s);
  recommendation(s);
  operatingCharacteristics(s);
  signatures(s);
  const pages = w.doc.bufferedPageRange().count;
  const header = t('report.header', { study: model.study.shortTitle ?? model.study.code, version: model.protocolVersion, asOf: model.asOf });
  const bytes = await w.finish(header, (p, n) => [t('report.footer.confidential'), t('report.footer.page', { page: p, pages: n })]);
  return { bytes, pages, charts };
}
