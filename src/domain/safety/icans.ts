// Immune effector cell-associated neurotoxicity syndrome, ASTCT 2019 consensus grading (Lee et al.,
// Biol Blood Marrow Transplant 2019;25:625-638; shared/domain/domain.md §5.4; table reproduced at
// https://pmc.ncbi.nlm.nih.gov/articles/PMC8403007/table/t0004). The grade is the most severe
// domain: ICE score, depressed consciousness, seizure, motor findings, raised ICP / cerebral oedema.
import { z } from 'zod';
import { type ExplanationStep, step } from '../explanation.ts';
import { ok } from '../result.ts';
import { defineScore, type Scored } from '../scores/score-definition.ts';
import { SafetyGrade, worstGrade } from './grade.ts';

export const Consciousness = {
  awake: 'awake',
  voice: 'voice',
  tactile: 'tactile',
  unarousable: 'unarousable',
} as const;
export type Consciousness = (typeof Consciousness)[keyof typeof Consciousness];

export const Seizure = { none: 'none', rapid: 'rapid', prolonged: 'prolonged' } as const;
export type Seizure = (typeof Seizure)[keyof typeof Seizure];

export const CerebralEdema = { none: 'none', focal: 'focal', diffuse: 'diffuse' } as const;
export type CerebralEdema = (typeof CerebralEdema)[keyof typeof CerebralEdema];

// "Awakens spontaneously" sits in ASTCT's grade 1 column, but it is the normal state: grade 1 comes
// from the ICE score, and ICE 10 while awake is no ICANS (case N5).
const consciousnessGrade: Readonly<Record<Consciousness, SafetyGrade>> = { awake: 0, voice: 2, tactile: 3, unarousable: 4 };
// rapid: any clinical seizure that resolves rapidly, or non-convulsive EEG seizures resolving with
// intervention; prolonged: life-threatening > 5 min, or repetitive without return to baseline.
const seizureGrade: Readonly<Record<Seizure, SafetyGrade>> = { none: 0, rapid: 3, prolonged: 4 };
// diffuse also covers decerebrate/decorticate posturing, CN VI palsy, papilloedema, Cushing's triad.
const edemaGrade: Readonly<Record<CerebralEdema, SafetyGrade>> = { none: 0, focal: 3, diffuse: 4 };

const enumOf = <T extends string>(codes: Readonly<Record<string, T>>) => z.enum(Object.values(codes) as [T, ...T[]]);

export const IcansInput = z.strictObject({
  /** ICE score 0-10 (orientation 4, naming 3, command 1, writing 1, attention 1). */
  ice: z.number().int().min(0).max(10).optional(),
  consciousness: enumOf(Consciousness),
  seizure: enumOf(Seizure).optional(),
  /** Deep focal motor weakness such as hemiparesis or paraparesis. */
  motorWeakness: z.boolean().optional(),
  edema: enumOf(CerebralEdema).optional(),
});
export type IcansInput = z.infer<typeof IcansInput>;

export interface IcansOutput {
  readonly grade: SafetyGrade;
}

/** ICE 10 → 0, 7-9 → 1, 3-6 → 2, 0-2 → 3 (0 while awake, e.g. global aphasia, is grade 3: case N3). */
export function iceGrade(ice: number): SafetyGrade {
  if (ice >= 10) return SafetyGrade.none;
  if (ice >= 7) return SafetyGrade.mild;
  if (ice >= 3) return SafetyGrade.moderate;
  return SafetyGrade.severe;
}

/** Grades ICANS from input that passed `IcansInput`. */
export function gradeIcans(input: IcansInput): Scored<IcansOutput> {
  const steps: ExplanationStep[] = [];
  const unarousable = input.consciousness === Consciousness.unarousable;

  // An unarousable patient cannot perform ICE; ASTCT's grade 4 ICE cell is exactly that case.
  let ice: SafetyGrade = SafetyGrade.none;
  if (unarousable) steps.push(step('icans.ice-not-possible-unarousable'));
  else if (input.ice === undefined) steps.push(step('icans.ice-not-assessed'));
  else {
    ice = iceGrade(input.ice);
    steps.push(step('icans.ice', { ice: input.ice, grade: ice }));
  }

  const consciousness = consciousnessGrade[input.consciousness];
  steps.push(step(`icans.consciousness-${input.consciousness}`, { grade: consciousness }));
  const seizure = seizureGrade[input.seizure ?? Seizure.none];
  if (seizure > 0) steps.push(step(`icans.seizure-${input.seizure}`, { grade: seizure }));
  const motor = input.motorWeakness === true ? SafetyGrade.lifeThreatening : SafetyGrade.none;
  if (motor > 0) steps.push(step('icans.motor-weakness', { grade: motor }));
  const edema = edemaGrade[input.edema ?? CerebralEdema.none];
  if (edema > 0) steps.push(step(`icans.edema-${input.edema}`, { grade: edema }));

  const grade = worstGrade(ice, consciousness, seizure, motor, edema);
  steps.push(step('icans.most-severe', { grade }));
  return { output: { grade }, explanation: steps };
}

export const icansScore = defineScore({
  name: 'icans',
  input: IcansInput,
  compute: (input) => ok(gradeIcans(input)),
});
