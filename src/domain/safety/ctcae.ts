// CTCAE v5.0 grading of one value of one term: `firstdose score ctcae`.
import { fail, type Issue, issue, ok, type Result } from '../result.ts';
import { defineScore, type Scored } from '../scores/score-definition.ts';
import type { CtcaeGrading } from './ctcae-compare.ts';
import { ctcaeCriteria } from './ctcae-criteria.ts';
import { gradeDecrease } from './ctcae-decrease.ts';
import { gradeFever } from './ctcae-fever.ts';
import { gradeIncrease } from './ctcae-increase.ts';
import { CtcaeInput, type CtcaeOutput } from './ctcae-input.ts';
import { gradeInr } from './ctcae-inr.ts';
import { CtcaeTerm } from './ctcae-terms.ts';

/** Fields that mean something for one term only; sent with another term they signal a mix-up. */
const termOnly = { durationHours: CtcaeTerm.fever, anticoagulated: CtcaeTerm.inrIncreased } as const;

function misplaced(input: CtcaeInput): Issue[] {
  return (Object.keys(termOnly) as (keyof typeof termOnly)[])
    .filter((field) => input[field] !== undefined && input.term !== termOnly[field])
    .map((field) => issue([field], 'not_applicable_to_term', { term: input.term }));
}

function grading(input: CtcaeInput): Result<CtcaeGrading> {
  if (input.term === CtcaeTerm.fever) return gradeFever(input);
  if (input.term === CtcaeTerm.inrIncreased) return gradeInr(input);
  const criteria = ctcaeCriteria[input.term];
  return criteria.kind === 'decrease' ? gradeDecrease(criteria, input) : gradeIncrease(criteria, input);
}

/**
 * Grades one laboratory or temperature value. Expects input that passed `CtcaeInput`;
 * checks everything that depends on the term and the units itself.
 */
export function gradeCtcae(input: CtcaeInput): Result<Scored<CtcaeOutput>> {
  const wrongField = misplaced(input);
  const graded = grading(input);
  if (!graded.ok) return fail(...wrongField, ...graded.issues);
  if (wrongField.length > 0) return fail(...wrongField);
  const { grade, rule, explanation } = graded.value;
  return ok({ output: { grade, rule }, explanation });
}

export const ctcaeScore = defineScore({
  name: 'ctcae',
  input: CtcaeInput,
  compute: gradeCtcae,
});
