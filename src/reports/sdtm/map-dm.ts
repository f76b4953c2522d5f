// DM: one record per subject screened. Sex and age come from the screening evaluation's evidence;
// the birth date itself is not exported (AGE is, in completed years at the reference start).
// RACE is not collected by FirstDose and stays empty.
import { completedYears } from '../../domain/eligibility/index.ts';
import { siteDate } from '../../store/trial/index.ts';
import type { SubjectContext } from './context.ts';
import { evidenceValue, latestScreening } from './evidence.ts';
import type { Row } from './model.ts';
import { siteDateTime } from './dates.ts';
import { currentProtocol, type TrialSource } from './source.ts';

const sexCode: Record<string, string> = { female: 'F', male: 'M' };

/** ISO 3166-1 alpha-3 for the protocol's site countries. */
const countryCode: Record<string, string> = { China: 'CHN' };

const endStatuses: Record<string, true> = { completed: true, withdrawn: true, died: true, screen_failed: true };

export function mapDm(source: TrialSource, contexts: Map<string, SubjectContext>): Row[] {
  const protocol = currentProtocol(source);
  const country = countryCode[protocol.identity.sites[0]?.country ?? ''] ?? null;
  const arm = (level: number | null) => (level === null ? null : (protocol.doseLevels.find((d) => d.level === level) ?? null));
  const rows: Row[] = [];
  for (const ctx of contexts.values()) {
    const s = ctx.subject;
    const doses = source.doses.filter((d) => d.subjectId === s.id).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    const last = doses.at(-1);
    const screening = latestScreening(source.screenings, s.id);
    const birthDate = evidenceValue(screening, 'birthDate');
    const sex = evidenceValue(screening, 'sex');
    const ageOn = ctx.rfstdtc?.slice(0, 10) ?? screening?.asOf;
    const ended = source.statusChanges.filter((c) => c.subjectId === s.id && endStatuses[c.status]).at(-1);
    const died = source.statusChanges.find((c) => c.subjectId === s.id && c.status === 'died');
    const planned = arm(s.doseLevel);
    const actual = arm(doses[0]?.doseLevel ?? null);
    const armnrs = s.status === 'screen_failed' ? 'SCREEN FAILURE' : planned === null ? 'NOT ASSIGNED' : actual === null ? 'ASSIGNED, NOT TREATED' : null;
    const lastDose = last ? siteDateTime(last.endedAt ?? last.startedAt) : null;
    rows.push({
      STUDYID: ctx.studyid,
      DOMAIN: 'DM',
      USUBJID: ctx.usubjid,
      SUBJID: ctx.subjid,
      RFSTDTC: ctx.rfstdtc,
      RFENDTC: ctx.rfstdtc && ended ? siteDate(ended.at) : null,
      RFXSTDTC: ctx.rfstdtc,
      RFXENDTC: lastDose,
      RFICDTC: null,
      RFPENDTC: ended ? siteDate(ended.at) : null,
      DTHDTC: died ? siteDate(died.at) : null,
      DTHFL: died ? 'Y' : null,
      SITEID: ctx.siteid,
      AGE: typeof birthDate === 'string' && ageOn ? completedYears(birthDate, ageOn) : null,
      AGEU: typeof birthDate === 'string' && ageOn ? 'YEARS' : null,
      SEX: typeof sex === 'string' ? (sexCode[sex] ?? 'U') : 'U',
      RACE: null,
      ARMCD: planned?.label ?? null,
      ARM: planned ? armName(planned.level) : null,
      ACTARMCD: actual?.label ?? null,
      ACTARM: actual ? armName(actual.level) : null,
      ARMNRS: armnrs,
      ACTARMUD: null,
      COUNTRY: country,
    });
  }
  return rows.sort((a, b) => String(a.USUBJID).localeCompare(String(b.USUBJID)));
}

/** ARM for a dose level: the amounts are not public, so the arm is named by its level. */
export const armName = (level: number) => `HN2301 Dose Level ${level}`;
