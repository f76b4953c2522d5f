// 2019 EULAR/ACR classification criteria for SLE (Aringer et al., Ann Rheum Dis 2019;78:1151–9;
// domain.md §3). Entry: ANA ≥ 1:80 ever. Within a domain only the highest criterion counts;
// classification needs ≥ 10 points and at least one clinical criterion.
import { z } from 'zod';
import { step } from '../explanation.ts';
import { ok } from '../result.ts';
import { defineScore } from './score-definition.ts';

export const EularAcrDomain = {
  constitutional: 'constitutional',
  hematologic: 'hematologic',
  neuropsychiatric: 'neuropsychiatric',
  mucocutaneous: 'mucocutaneous',
  serosal: 'serosal',
  musculoskeletal: 'musculoskeletal',
  renal: 'renal',
  antiphospholipid: 'antiphospholipid-antibodies',
  complement: 'complement-proteins',
  sleSpecificAntibodies: 'sle-specific-antibodies',
} as const;
export type EularAcrDomain = (typeof EularAcrDomain)[keyof typeof EularAcrDomain];

const D = EularAcrDomain;

export const immunologicDomains: readonly EularAcrDomain[] = [D.antiphospholipid, D.complement, D.sleSpecificAntibodies];

/** Criterion → domain and weight, in the order of the published table. */
export const eularAcrCriteria = {
  fever: [D.constitutional, 2],
  leukopenia: [D.hematologic, 3],
  thrombocytopenia: [D.hematologic, 4],
  'autoimmune-hemolysis': [D.hematologic, 4],
  delirium: [D.neuropsychiatric, 2],
  psychosis: [D.neuropsychiatric, 3],
  seizure: [D.neuropsychiatric, 5],
  'non-scarring-alopecia': [D.mucocutaneous, 2],
  'oral-ulcers': [D.mucocutaneous, 2],
  'subacute-cutaneous-or-discoid-lupus': [D.mucocutaneous, 4],
  'acute-cutaneous-lupus': [D.mucocutaneous, 6],
  'pleural-or-pericardial-effusion': [D.serosal, 5],
  'acute-pericarditis': [D.serosal, 6],
  'joint-involvement': [D.musculoskeletal, 6],
  proteinuria: [D.renal, 4],
  'renal-biopsy-class-2-or-5': [D.renal, 8],
  'renal-biopsy-class-3-or-4': [D.renal, 10],
  'antiphospholipid-antibodies': [D.antiphospholipid, 2],
  'low-c3-or-low-c4': [D.complement, 3],
  'low-c3-and-low-c4': [D.complement, 4],
  'anti-dsdna-or-anti-smith': [D.sleSpecificAntibodies, 6],
} as const satisfies Record<string, readonly [EularAcrDomain, number]>;
export type EularAcrCriterion = keyof typeof eularAcrCriteria;
export const eularAcrCriterionCodes = Object.keys(eularAcrCriteria) as EularAcrCriterion[];

export const AnaStatus = { positive: 'positive', negative: 'negative', unknown: 'unknown' } as const;
export type AnaStatus = (typeof AnaStatus)[keyof typeof AnaStatus];

export const EularAcrInput = z.strictObject({
  ana: z.enum(['positive', 'negative', 'unknown']),
  criteria: z.array(z.enum(eularAcrCriterionCodes as [EularAcrCriterion, ...EularAcrCriterion[]])),
});
export type EularAcrInput = z.infer<typeof EularAcrInput>;

export interface EularAcrResult {
  readonly entry: boolean;
  readonly points: number;
  readonly clinicalCriterion: boolean;
  readonly classified: boolean;
  readonly domains: ReadonlyArray<{ readonly domain: EularAcrDomain; readonly criterion: EularAcrCriterion; readonly points: number }>;
}

export const eularAcrClassificationThreshold = 10;

/** Points are totalled even without the entry criterion, so a screen can show how close a patient is. */
export function classifyEularAcr2019(ana: AnaStatus, criteria: readonly string[]): EularAcrResult {
  const present = new Set(criteria);
  const best = new Map<EularAcrDomain, { criterion: EularAcrCriterion; points: number }>();
  for (const criterion of eularAcrCriterionCodes) {
    if (!present.has(criterion)) continue;
    const [domain, points] = eularAcrCriteria[criterion];
    const current = best.get(domain);
    if (!current || points > current.points) best.set(domain, { criterion, points });
  }
  const domains = Object.values(EularAcrDomain)
    .filter((domain) => best.has(domain))
    .map((domain) => ({ domain, ...best.get(domain)! }));
  const points = domains.reduce((sum, d) => sum + d.points, 0);
  const clinicalCriterion = domains.some((d) => !immunologicDomains.includes(d.domain));
  const entry = ana === 'positive';
  return { entry, points, clinicalCriterion, classified: entry && clinicalCriterion && points >= eularAcrClassificationThreshold, domains };
}

export const eularAcr2019Score = defineScore({
  name: 'eular-acr-2019',
  input: EularAcrInput,
  compute(input) {
    const output = classifyEularAcr2019(input.ana, input.criteria);
    const counted = new Set(output.domains.map((d) => d.criterion));
    const explanation = [
      step(output.entry ? 'eular-acr.entry-met' : 'eular-acr.entry-not-met', { ana: input.ana }),
      ...output.domains.map((d) => step('eular-acr.domain', { domain: d.domain, criterion: d.criterion, points: d.points })),
      ...eularAcrCriterionCodes
        .filter((c) => input.criteria.includes(c) && !counted.has(c))
        .map((c) => step('eular-acr.superseded', { criterion: c, domain: eularAcrCriteria[c][0], points: eularAcrCriteria[c][1] })),
      step(output.clinicalCriterion ? 'eular-acr.clinical-present' : 'eular-acr.clinical-absent'),
      step(output.classified ? 'eular-acr.classified' : 'eular-acr.not-classified', {
        points: output.points,
        threshold: eularAcrClassificationThreshold,
      }),
    ];
    return ok({ output, explanation });
  },
});
