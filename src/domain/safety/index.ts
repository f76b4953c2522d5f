export { possibleTemperatureC } from './body-temperature.ts';
export { CrsInput, type CrsOutput, crsFeverThresholdC, crsScore, gradeCrs, Hypotension, OxygenSupport } from './crs.ts';
export { ctcaeScore, gradeCtcae } from './ctcae.ts';
export { CtcaeInput, type CtcaeOutput, CtcaeReference } from './ctcae-input.ts';
export { CtcaeTerm, ctcaeTerms } from './ctcae-terms.ts';
export { SafetyGrade, worstGrade } from './grade.ts';
export { CerebralEdema, Consciousness, gradeIcans, IcansInput, type IcansOutput, iceGrade, icansScore, Seizure } from './icans.ts';
