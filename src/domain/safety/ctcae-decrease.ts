// Terms graded by falling below fixed bounds, with grade 1 from "< LLN": blood counts, anaemia,
// hypoalbuminaemia (CTCAE v5.0; shared/domain/domain.md §5.2). The fixed bounds decide grades 2-4
// without the LLN; only a value at or above the grade 2 bound needs the LLN to tell grade 1 from 0.
import { type ExplanationStep, step } from '../explanation.ts';
import { fail, issue, ok, type Result } from '../result.ts';
import { findUnit, sameUnit, type UnitDefinition } from '../units/index.ts';
import { type CtcaeGrading, shown } from './ctcae-compare.ts';
import type { DecreaseCriteria, LowScale } from './ctcae-criteria.ts';
import type { CtcaeInput } from './ctcae-input.ts';
import { comparable, readings } from './ctcae-readings.ts';

/** The scale of the value's own unit system (g/dL, mmol/L…), else the first compatible one, else the default. */
function scaleFor(criteria: DecreaseCriteria, unit: UnitDefinition): LowScale {
  const { scales, analyte } = criteria;
  return (
    scales.find((s) => sameUnit(s.unit, unit.code)) ??
    scales.find((s) => findUnit(s.unit)?.dimension === unit.dimension) ??
    scales.find((s) => comparable(unit, s.unit, analyte)) ??
    scales[0]
  );
}

export function gradeDecrease(criteria: DecreaseCriteria, input: CtcaeInput): Result<CtcaeGrading> {
  const steps: ExplanationStep[] = [];
  let scale = criteria.scales[0];
  const read = readings(
    input,
    {
      unitFor: (unit) => {
        scale = scaleFor(criteria, unit);
        return scale.unit;
      },
      ...(criteria.analyte ? { analyte: criteria.analyte } : {}),
      references: ['lln'],
    },
    steps,
  );
  if (!read.ok) return read;
  const { value, lln } = read.value;
  const unit = read.value.unit.display;

  for (const bound of scale.bounds) {
    if (value < bound.below) {
      steps.push(step('ctcae.fixed-bound', { grade: bound.grade, value: shown(value, bound.below), comparator: '<', bound: bound.below, unit }));
      if (criteria.clinicalFrom !== undefined && bound.grade === criteria.clinicalFrom - 1)
        steps.push(step('ctcae.clinical-grade-not-assessed', { grade: criteria.clinicalFrom }));
      return ok({ grade: bound.grade, rule: bound.rule, explanation: steps });
    }
  }

  if (lln === undefined) return fail(issue(['lln'], 'needed_for_grade', { reason: 'lln-separates-grade-1-from-0' }));
  if (value < lln) {
    steps.push(step('ctcae.lln', { grade: 1, value: shown(value, lln), comparator: '<', lln: shown(lln), unit }));
    return ok({ grade: 1, rule: scale.belowLlnRule, explanation: steps });
  }
  steps.push(step('ctcae.lln', { grade: 0, value: shown(value, lln), comparator: '≥', lln: shown(lln), unit }));
  return ok({ grade: 0, rule: 'not below LLN', explanation: steps });
}
