// The trial design datasets from the protocol. Dose-escalation cohorts are reported as arms, one
// per dose level (shared/domain/cdisc.md §3.1, TA): SCRN → DLx (the infusion and its DLT window)
// → FU. Visits are the protocol's schedule; their planned study day counts the infusion as day 1.
import { plannedVisits, studyId } from './context.ts';
import { plannedStudyDay } from './dates.ts';
import { armName } from './map-dm.ts';
import { criterionCodes, criterionText } from './map-subject.ts';
import type { Row } from './model.ts';
import { currentProtocol, type TrialSource } from './source.ts';

export function mapTa(source: TrialSource): Row[] {
  const protocol = currentProtocol(source);
  const STUDYID = studyId(source);
  return protocol.doseLevels.flatMap((d) => {
    const arm = { STUDYID, DOMAIN: 'TA', ARMCD: d.label, ARM: armName(d.level), TATRANS: null };
    return [
      { ...arm, TAETORD: 1, ETCD: 'SCRN', ELEMENT: 'Screening', TABRANCH: `Enrolled into an open cohort at dose level ${d.level}`, EPOCH: 'SCREENING' },
      { ...arm, TAETORD: 2, ETCD: d.label, ELEMENT: `HN2301 dose level ${d.level}`, TABRANCH: null, EPOCH: 'TREATMENT' },
      { ...arm, TAETORD: 3, ETCD: 'FU', ELEMENT: 'Follow-up', TABRANCH: null, EPOCH: 'FOLLOW-UP' },
    ];
  });
}

export function mapTe(source: TrialSource): Row[] {
  const protocol = currentProtocol(source);
  const STUDYID = studyId(source);
  const window = protocol.dlt.windowDays;
  const lastVisit = protocol.visits.at(-1);
  return [
    { STUDYID, DOMAIN: 'TE', ETCD: 'SCRN', ELEMENT: 'Screening', TESTRL: 'Informed consent', TEENRL: 'Start of the HN2301 infusion', TEDUR: null },
    ...protocol.doseLevels.map((d) => ({
      STUDYID,
      DOMAIN: 'TE',
      ETCD: d.label,
      ELEMENT: `HN2301 dose level ${d.level}`,
      TESTRL: `Start of the HN2301 infusion at dose level ${d.level}`,
      TEENRL: `${window} days after the start of the infusion (end of the DLT window)`,
      TEDUR: `P${window + 1}D`,
    })),
    {
      STUDYID,
      DOMAIN: 'TE',
      ETCD: 'FU',
      ELEMENT: 'Follow-up',
      TESTRL: 'End of the DLT window',
      TEENRL: lastVisit ? `${lastVisit.name.en} visit (day ${lastVisit.day} after the infusion) or end of participation` : 'End of participation',
      TEDUR: null,
    },
  ];
}

function visitRule(day: number, before: number, after: number): string {
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  const when = day === 0 ? 'On the day of the HN2301 infusion' : `${days(Math.abs(day))} ${day < 0 ? 'before' : 'after'} the HN2301 infusion`;
  return before === 0 && after === 0 ? when : `${when} (window -${before} to +${after} days)`;
}

export function mapTv(source: TrialSource): Row[] {
  const protocol = currentProtocol(source);
  const STUDYID = studyId(source);
  const planned = plannedVisits(protocol);
  return protocol.visits.map((v) => ({
    STUDYID,
    DOMAIN: 'TV',
    VISITNUM: planned.get(v.id)!.visitnum,
    VISIT: planned.get(v.id)!.visit,
    VISITDY: plannedStudyDay(v.day),
    // Visit timing is the same in every arm (SDTMIG 3.4 TV: ARMCD null then).
    ARMCD: null,
    TVSTRL: visitRule(v.day, v.windowBefore, v.windowAfter),
    TVENRL: null,
  }));
}

/** TI: every criterion of every protocol version, TIVERS naming the version. */
export function mapTi(source: TrialSource): Row[] {
  const STUDYID = studyId(source);
  return source.protocols.flatMap(({ protocol, label }) => {
    const codes = criterionCodes(protocol);
    return protocol.criteria.map((c) => ({
      STUDYID,
      DOMAIN: 'TI',
      IETESTCD: codes.get(c.id)!,
      IETEST: criterionText(c.text.en),
      IECAT: c.kind === 'inclusion' ? 'INCLUSION' : 'EXCLUSION',
      TIVERS: label,
    }));
  });
}
