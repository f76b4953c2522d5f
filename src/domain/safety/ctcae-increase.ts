// Terms graded by multiples of ULN and, for some, of baseline (CTCAE v5.0; shared/domain/domain.md
// §5.2). The value, ULN and baseline are compared in the value's own unit, so references given as
// bare numbers need no conversion at all.
import { type ExplanationStep, step } from '../explanation.ts';
import { fail, issue, ok, type Result } from '../result.ts';
import { type CtcaeGrading, multipleStep, shown } from './ctcae-compare.ts';
import type { IncreaseCriteria } from './ctcae-criteria.ts';
import type { CtcaeInput } from './ctcae-input.ts';
import { comparable, readings } from './ctcae-readings.ts';
import { worstGrade } from './grade.ts';

export function gradeIncrease(criteria: IncreaseCriteria, input: CtcaeInput): Result<CtcaeGrading> {
  const steps: ExplanationStep[] = [];
  const analyte = criteria.analyte;
  const read = readings(
    input,
    {
      unitFor: (unit) => (comparable(unit, criteria.unit, analyte) ? unit.code : criteria.unit),
      ...(analyte ? { analyte } : {}),
      references: criteria.baseline ? ['uln', 'baseline'] : ['uln'],
    },
    steps,
  );
  // Every grade, and whether a baseline counts as abnormal, is defined against ULN.
  const missing = input.uln === undefined ? [issue(['uln'], 'needed_for_grade', { reason: 'grades-are-multiples-of-uln' })] : [];
  if (!read.ok) return fail(...read.issues, ...missing);
  const { value, uln, baseline } = read.value;
  if (uln === undefined) return fail(...missing);
  const unit = read.value.unit.display;

  const byUln = () => multipleStep('uln', value, unit, uln, criteria.uln);
  const mode = criteria.baseline;

  if (mode === undefined) {
    const [graded, s] = byUln();
    return ok({ grade: graded.grade, rule: graded.rule, explanation: [...steps, s] });
  }

  if (mode.use === 'if-abnormal') {
    if (baseline === undefined) steps.push(step('ctcae.baseline-absent'));
    else {
      const params = { baseline: shown(baseline, uln), uln: shown(uln), unit };
      steps.push(step(baseline > uln ? 'ctcae.baseline-abnormal' : 'ctcae.baseline-normal', params));
    }
    const [graded, s] = baseline !== undefined && baseline > uln ? multipleStep('baseline', value, unit, baseline, mode.scale) : byUln();
    return ok({ grade: graded.grade, rule: graded.rule, explanation: [...steps, s] });
  }

  // Both criteria apply and the highest grade met wins (domain.md §5.1; case T10).
  const [ulnGraded, ulnStep] = byUln();
  steps.push(ulnStep);
  if (baseline === undefined) {
    steps.push(step('ctcae.baseline-criteria-not-applied'));
    return ok({ grade: ulnGraded.grade, rule: ulnGraded.rule, explanation: steps });
  }
  const [baseGraded, baseStep] = multipleStep('baseline', value, unit, baseline, mode.scale);
  steps.push(baseStep);
  const grade = worstGrade(ulnGraded.grade, baseGraded.grade);
  const fired = [ulnGraded, baseGraded].filter((g) => g.met && g.grade === grade).map((g) => g.rule);
  steps.push(step('ctcae.highest-criterion', { grade }));
  return ok({ grade, rule: fired.length > 0 ? fired.join('; ') : ulnGraded.rule, explanation: steps });
}
