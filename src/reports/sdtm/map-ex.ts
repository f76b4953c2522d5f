// EX: one record per HN2301 infusion given. The dose amounts per level are not public (protocol
// doseLevels[].amount is null): EXDOSE is then empty and EXDOSTXT names the dose level. One
// intravenous infusion per subject (EXDOSFRQ ONCE); the end time is written only when recorded.
import { dayOf, epochOf, numberPerSubject, type SubjectContext } from './context.ts';
import { siteDateTime as siteStart } from './dates.ts';
import type { Row } from './model.ts';
import type { TrialSource } from './source.ts';

export function mapEx(source: TrialSource, contexts: Map<string, SubjectContext>): Row[] {
  const rows: Row[] = [];
  for (const d of source.doses) {
    const ctx = contexts.get(d.subjectId);
    if (!ctx) continue;
    const start = siteStart(d.startedAt);
    const end = d.endedAt ? siteStart(d.endedAt) : null;
    rows.push({
      STUDYID: ctx.studyid,
      DOMAIN: 'EX',
      USUBJID: ctx.usubjid,
      EXTRT: 'HN2301',
      EXDOSE: d.amount,
      EXDOSTXT: d.amount === null ? `DOSE LEVEL ${d.doseLevel}` : null,
      EXDOSU: d.amount === null ? null : d.unit,
      EXDOSFRM: 'INJECTION',
      EXDOSFRQ: 'ONCE',
      EXROUTE: 'INTRAVENOUS',
      EPOCH: epochOf(ctx, start),
      EXSTDTC: start,
      EXENDTC: end,
      EXSTDY: dayOf(ctx, start),
      EXENDY: dayOf(ctx, end),
    });
  }
  rows.sort((a, b) => String(a.USUBJID).localeCompare(String(b.USUBJID)) || String(a.EXSTDTC).localeCompare(String(b.EXSTDTC)));
  return numberPerSubject(rows, 'EX');
}

