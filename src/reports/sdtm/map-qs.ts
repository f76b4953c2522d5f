// QS: SLEDAI-2K (Gladman 2002: 24 descriptors, each scored at its weight when present; the total
// and the clinical score without the two serological descriptors, as derived records) and the
// physician's global assessment, per assessment recorded. CDISC has published no QRS supplement
// for SLEDAI-2K (shared/domain/cdisc.md §3.1), so the test codes are sponsor-defined.
import { computeSledai2k, sledai2kItems, sledai2kWeights } from '../../domain/scores/sledai2k.ts';
import { dayOf, epochOf, numberPerSubject, plannedVisits, type SubjectContext, visitOf } from './context.ts';
import { observationDtc } from './dates.ts';
import { flagLastBeforeExposure } from './map-findings.ts';
import type { Row } from './model.ts';
import { currentProtocol, type TrialSource } from './source.ts';

const words: Record<string, string> = { cva: 'CVA', dna: 'DNA' };

/** `organic-brain-syndrome` → `Organic Brain Syndrome`. */
const descriptorName = (code: string) =>
  code
    .split('-')
    .map((w) => words[w] ?? w[0]!.toUpperCase() + w.slice(1))
    .join(' ');

/** QSTESTCD/QSTEST of the SLEDAI-2K records: SLEDAI01..24 in the form's order, 25 total, 26 clinical. */
export const sledaiTests: ReadonlyArray<{ testcd: string; test: string; item?: string }> = [
  ...sledai2kItems.map((item, i) => ({ testcd: `SLEDAI${String(i + 1).padStart(2, '0')}`, test: descriptorName(item), item })),
  { testcd: 'SLEDAI25', test: 'SLEDAI-2K Total Score' },
  { testcd: 'SLEDAI26', test: 'Clinical SLEDAI-2K Score' },
];

export function mapQs(source: TrialSource, contexts: Map<string, SubjectContext>): Row[] {
  const planned = plannedVisits(currentProtocol(source));
  const rows: Record<string, string | number | null>[] = [];
  for (const o of source.observations) {
    const ctx = contexts.get(o.subjectId);
    if (!ctx || (o.kind !== 'sledai2k' && o.kind !== 'pga')) continue;
    const dtc = observationDtc(o.observedAt);
    const v = visitOf(ctx, planned, o.visitId, dtc);
    const base = {
      STUDYID: ctx.studyid,
      DOMAIN: 'QS',
      USUBJID: ctx.usubjid,
      VISITNUM: v?.visitnum ?? null,
      VISIT: v?.visit ?? null,
      EPOCH: epochOf(ctx, dtc),
      QSDTC: dtc,
      QSDY: dayOf(ctx, dtc),
    };
    if (o.kind === 'pga') {
      const value = o.valueNum === null ? null : String(o.valueNum);
      rows.push({ ...base, QSTESTCD: 'PGA01', QSTEST: 'Physician Global Assessment', QSCAT: 'PGA', QSORRES: value, QSSTRESC: value, QSSTRESN: o.valueNum, QSDRVFL: null });
      continue;
    }
    const present = new Set((o.valueJson as { items?: string[] } | null)?.items ?? []);
    const score = computeSledai2k([...present]);
    for (const test of sledaiTests) {
      const item = test.item as keyof typeof sledai2kWeights | undefined;
      const common = { ...base, QSTESTCD: test.testcd, QSTEST: test.test, QSCAT: 'SLEDAI-2K' };
      if (item) {
        const points = present.has(item) ? sledai2kWeights[item] : 0;
        rows.push({ ...common, QSORRES: present.has(item) ? 'PRESENT' : 'ABSENT', QSSTRESC: String(points), QSSTRESN: points, QSDRVFL: null });
      } else {
        const total = test.testcd === 'SLEDAI25' ? score.total : score.total - score.serologic;
        rows.push({ ...common, QSORRES: null, QSSTRESC: String(total), QSSTRESN: total, QSDRVFL: 'Y' });
      }
    }
  }
  rows.sort(
    (a, b) =>
      String(a.USUBJID).localeCompare(String(b.USUBJID)) || String(a.QSDTC).localeCompare(String(b.QSDTC)) || String(a.QSCAT).localeCompare(String(b.QSCAT)) || String(a.QSTESTCD).localeCompare(String(b.QSTESTCD)),
  );
  // LOBXFL on the collected records; the derived totals have no QSORRES and so are left unflagged.
  flagLastBeforeExposure(rows, 'QS', contexts);
  return numberPerSubject(rows, 'QS');
}
