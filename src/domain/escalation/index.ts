// Dose-escalation engine core: BOIN and 3+3 designs, live decisions with pending patients, MTD
// selection, exact and simulated operating characteristics. Pure: randomness is injected.
export { boinBoundaries, type BoinBoundaries, boinDesign, selectBoinMtd } from './boin/api.ts';
export {
  boinLambdas,
  type BoinLambdas,
  type BoinThresholds,
  boinThresholds,
  boundaryRows,
  deescalationCount,
  escalationCount,
  overdoseProbability,
} from './boin/boundaries.ts';
export { BoinBoundariesRequest, BoinConfig, type BoinConfigInput, BoinParams, BoinSelectRequest } from './boin/config.ts';
export { type BoinDesign, boin } from './boin/design.ts';
export { pava } from './boin/pava.ts';
export { BoinRule } from './boin/rules.ts';
export { type BoinSelection, BoinSelectReason } from './boin/select-mtd.ts';
export { Conduct, defaultConduct } from './conduct.ts';
export { decide, PendingReason } from './decide.ts';
export { type Decision, DecisionKind, type DecisionTableRow, type MtdSelection, sameDirection } from './decision.ts';
export { type Design, KernelStop, type OcKernel } from './design.ts';
export { type ContractOptions, checkDesignContract } from './design-contract.ts';
export { escalationDesign, type EscalationDesignRequest } from './escalation-design.ts';
export { type ExactOptions, exactOC } from './oc/exact.ts';
export { checkTruth, kernelOf } from './oc/kernel-of.ts';
export { mergeTallies, OcMethod, type OcReport, type OcTally, ocReport } from './oc/report.ts';
export { type ChunkOptions, DrawMode, ocChunks, type SimulationOptions, simulateChunk, simulateOC, type Uniform } from './oc/simulate.ts';
export { parseOutcomes } from './outcome-notation.ts';
export { type ThreePlusThreeClosedForm, threePlusThreeClosedForm } from './three-plus-three/closed-form.ts';
export {
  ThreePlusThreeConfig,
  type ThreePlusThreeConfigInput,
  type ThreePlusThreeDesign,
  threePlusThree,
  threePlusThreeDesign,
  threePlusThreeTable,
} from './three-plus-three/design.ts';
export { ThreePlusThreeRule, ThreePlusThreeVariant } from './three-plus-three/rules.ts';
export {
  countsOf,
  type DoseCounts,
  PatientOutcome,
  PatientRecord,
  recordFromCounts,
  TrialRecord,
  type TrialData,
  totalPatients,
} from './trial-data.ts';
