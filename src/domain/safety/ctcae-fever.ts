// Fever, CTCAE v5.0: 38.0 - 39.0 °C (100.4 - 102.2 °F) grade 1; >39.0 - 40.0 °C (102.3 - 104.0 °F)
// grade 2; >40.0 °C (>104.0 °F) for <=24 hrs grade 3, for >24 hrs grade 4 (shared/domain/domain.md
// §5.2; http://themelanomanurse.org/fever/). °F converts to °C exactly at the printed bounds
// (102.2 °F is 39.0 °C, src/domain/units).
import { type ExplanationStep, step } from '../explanation.ts';
import { fail, issue, ok, type Result } from '../result.ts';
import { valueIn } from '../units/index.ts';
import { possibleTemperatureC } from './body-temperature.ts';
import { type CtcaeGrading, shown } from './ctcae-compare.ts';
import type { CtcaeInput } from './ctcae-input.ts';
import { readings } from './ctcae-readings.ts';
import { SafetyGrade } from './grade.ts';


const rules = {
  0: 'below 38.0 degrees C',
  1: '38.0 - 39.0 degrees C (100.4 - 102.2 degrees F)',
  2: '>39.0 - 40.0 degrees C (102.3 - 104.0 degrees F)',
  3: '>40.0 degrees C (>104.0 degrees F) for <=24 hrs',
  4: '>40.0 degrees C (>104.0 degrees F) for >24 hrs',
} as const;

function outOfRange(input: CtcaeInput) {
  const bound = (c: number) => {
    const v = valueIn({ value: c, unit: 'Cel' }, input.value.unit);
    return v.ok ? Math.round(v.value * 10) / 10 : c;
  };
  return issue(['value', 'value'], 'out_of_range', {
    value: input.value.value,
    minimum: bound(possibleTemperatureC.minimum),
    maximum: bound(possibleTemperatureC.maximum),
  });
}

export function gradeFever(input: CtcaeInput): Result<CtcaeGrading> {
  const steps: ExplanationStep[] = [];
  const read = readings(input, { unitFor: () => 'Cel', references: [] }, steps);
  if (!read.ok) return read;
  const { value } = read.value;
  if (value < possibleTemperatureC.minimum || value > possibleTemperatureC.maximum) return fail(outOfRange(input));
  const unit = read.value.unit.display;
  const graded = (grade: keyof typeof rules, extra: ExplanationStep[]) =>
    ok({ grade, rule: rules[grade], explanation: [...steps, ...extra] });

  const compared = (grade: SafetyGrade, comparator: string, bound: number) =>
    step('ctcae.fixed-bound', { grade, value: shown(value, bound), comparator, bound, unit });

  if (value > 40) {
    const above = compared(SafetyGrade.severe, '>', 40);
    const hours = input.durationHours;
    if (hours === undefined) return graded(SafetyGrade.severe, [above, step('ctcae.fever-duration-unknown', { grade: SafetyGrade.lifeThreatening })]);
    const grade = hours > 24 ? SafetyGrade.lifeThreatening : SafetyGrade.severe;
    return graded(grade, [above, step('ctcae.fever-duration', { hours, comparator: hours > 24 ? '>' : '≤', grade })]);
  }
  if (value > 39) return graded(SafetyGrade.moderate, [compared(SafetyGrade.moderate, '>', 39)]);
  if (value >= 38) return graded(SafetyGrade.mild, [compared(SafetyGrade.mild, '≥', 38)]);
  return graded(SafetyGrade.none, [compared(SafetyGrade.none, '<', 38)]);
}
