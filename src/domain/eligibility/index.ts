// Eligibility: the patient record, the criterion rule language, three-valued evaluation with
// evidence and missing data, and the screening result.
export { DecidedCode, MissingCode, notMeasuredCodes, ReasonCode } from './codes.ts';
export {
  CriterionKind,
  type CriterionResult,
  Eligibility,
  type Evidence,
  type Missing,
  type NodeResult,
  type Reason,
  type ScreeningResult,
} from './criterion-result.ts';
export { addDays, addMonths, completedYears, datePart, dayNumber } from './dates.ts';
export { type EvalContext, makeContext } from './context.ts';
export { evaluateCriterion, evaluateProtocol, evaluateRule } from './evaluate.ts';
export {
  AnswerFact,
  ClinicalDate,
  ConditionFact,
  ConditionKind,
  MedicationClass,
  MedicationFact,
  ObservationFact,
  ObservationFeature,
  ObservationValue,
  observationFeatures,
  PatientRecord,
  type PatientRecordInput,
  ProcedureFact,
  QuestionnaireId,
  ValueProblem,
} from './patient-record.ts';
export { type Comparison, type Leaf, Rule } from './rules.ts';
export { Tri, triAnd, triNot, triOf, triOr } from './tri.ts';
