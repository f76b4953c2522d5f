// The whole SDTM tabulation of a trial: every dataset in submission order, and what could not be
// mapped cleanly. Pure: rows in, datasets out.
import { foldDataset } from './ascii.ts';
import { subjectContexts } from './context.ts';
import { mapAe } from './map-ae.ts';
import { mapTa, mapTe, mapTi, mapTv } from './map-design.ts';
import { mapDm } from './map-dm.ts';
import { mapEx } from './map-ex.ts';
import { mapLb, mapVs } from './map-findings.ts';
import { mapCm, mapMh } from './map-history.ts';
import { mapQs } from './map-qs.ts';
import { mapDs, mapIe, mapSv } from './map-subject.ts';
import { mapTs } from './map-ts.ts';
import type { Dataset, ExportNote } from './model.ts';
import { ae, cm, ex, suppae } from './spec-safety.ts';
import { ta, te, ti, ts, tv } from './spec-design.ts';
import { lb, qs, vs } from './spec-findings.ts';
import { dm, ds, ie, mh, sv } from './spec-subject.ts';
import type { TrialSource } from './source.ts';

export interface Tabulation {
  readonly studyid: string;
  readonly datasets: readonly Dataset[];
  readonly notes: readonly ExportNote[];
}

export const domainSpecs = [dm, ie, ex, ae, suppae, lb, vs, qs, cm, mh, ds, sv, ts, ta, te, tv, ti] as const;

export function buildTabulation(source: TrialSource): Tabulation {
  const contexts = subjectContexts(source);
  const notes: ExportNote[] = [];
  const adverse = mapAe(source, contexts, notes);
  const rows = {
    DM: mapDm(source, contexts),
    IE: mapIe(source, contexts),
    EX: mapEx(source, contexts),
    AE: adverse.ae,
    SUPPAE: adverse.suppae,
    LB: mapLb(source, contexts, notes),
    VS: mapVs(source, contexts, notes),
    QS: mapQs(source, contexts),
    CM: mapCm(source, contexts),
    MH: mapMh(source, contexts),
    DS: mapDs(source, contexts),
    SV: mapSv(source, contexts),
    TS: mapTs(source),
    TA: mapTa(source),
    TE: mapTe(source),
    TV: mapTv(source),
    TI: mapTi(source),
  };
  return {
    studyid: source.study.code.toUpperCase(),
    datasets: domainSpecs.map((spec) => foldDataset({ spec, rows: rows[spec.name as keyof typeof rows] }, notes)),
    notes,
  };
}
