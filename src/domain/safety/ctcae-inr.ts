// INR increased, CTCAE v5.0 (pharmaverse/admiral ncictcaev5.json): ">1.2 - 1.5; >1 - 1.5 x baseline
// if on anticoagulation" (grade 1), ">1.5 - 2.5; >1.5 - 2.5 x baseline if on anticoagulation" (2),
// ">2.5; >2.5 times above baseline if on anticoagulation" (3); no grade 4. The baseline multiples are
// read as the criteria *for* an anticoagulated patient, whose INR is raised on purpose, so they
// replace the absolute bounds rather than add to them (admiral, not knowing who is anticoagulated,
// takes the worse of both). Which reading the protocol wants is open (domain.md §8).
import { type ExplanationStep, step } from '../explanation.ts';
import { fail, issue, ok, type Result } from '../result.ts';
import { type CtcaeGrading, multipleStep, shown } from './ctcae-compare.ts';
import type { MultipleScale } from './ctcae-criteria.ts';
import type { CtcaeInput } from './ctcae-input.ts';
import { readings } from './ctcae-readings.ts';
import { SafetyGrade } from './grade.ts';

const G = SafetyGrade;
const absolute = [
  { grade: G.severe, above: 2.5, rule: '>2.5' },
  { grade: G.moderate, above: 1.5, rule: '>1.5 - 2.5' },
  { grade: G.mild, above: 1.2, rule: '>1.2 - 1.5' },
] as const;

const suffix = ' x baseline (on anticoagulation)';
const anticoagulated: MultipleScale = {
  bands: [
    { grade: G.mild, factor: 1, inclusive: false, rule: `>1 - 1.5${suffix}` },
    { grade: G.moderate, factor: 1.5, inclusive: false, rule: `>1.5 - 2.5${suffix}` },
    { grade: G.severe, factor: 2.5, inclusive: false, rule: `>2.5${suffix}` },
  ],
  noneRule: 'not above baseline (on anticoagulation)',
};

export function gradeInr(input: CtcaeInput): Result<CtcaeGrading> {
  const steps: ExplanationStep[] = [];
  const onAnticoagulation = input.anticoagulated === true;
  const read = readings(input, { unitFor: () => '{INR}', references: onAnticoagulation ? ['baseline'] : [] }, steps);
  const missing =
    onAnticoagulation && input.baseline === undefined
      ? [issue(['baseline'], 'needed_for_grade', { reason: 'anticoagulated-inr-graded-against-baseline' })]
      : [];
  if (!read.ok) return fail(...read.issues, ...missing);
  const { value, baseline } = read.value;
  const unit = read.value.unit.display;

  if (onAnticoagulation) {
    if (baseline === undefined) return fail(...missing);
    steps.push(step('ctcae.inr-anticoagulated'));
    const [graded, explained] = multipleStep('baseline', value, unit, baseline, anticoagulated);
    steps.push(explained);
    return ok({ grade: graded.grade, rule: graded.rule, explanation: steps });
  }

  if (input.baseline !== undefined) steps.push(step('ctcae.inr-baseline-ignored'));
  for (const bound of absolute) {
    if (value > bound.above) {
      steps.push(step('ctcae.fixed-bound', { grade: bound.grade, value: shown(value, bound.above), comparator: '>', bound: bound.above, unit }));
      return ok({ grade: bound.grade, rule: bound.rule, explanation: steps });
    }
  }
  steps.push(step('ctcae.fixed-bound', { grade: 0, value: shown(value, 1.2), comparator: '≤', bound: 1.2, unit }));
  return ok({ grade: 0, rule: 'not above 1.2', explanation: steps });
}
