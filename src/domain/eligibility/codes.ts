// Every code a criterion result can carry (style.md §8: reasons are codes with parameters, phrased
// by the adapters under `eligibility.reason.<code>` and `eligibility.missing.<code>`).

/** Why a value or record is needed: each entry of `missing`, and the reason of an unknown leaf. */
export const MissingCode = {
  /** No result of the feature dated in the window (from … to): obtain the test. */
  noResultInWindow: 'no_result_in_window',
  /** No result at any date (criteria that accept any date, e.g. the ANA entry criterion). */
  noResult: 'no_result',
  /** The latest result is older than the screening window: repeat the test. */
  resultTooOld: 'result_too_old',
  unknownUnit: 'unknown_unit',
  incompatibleUnit: 'incompatible_unit',
  unreadableValue: 'unreadable_value',
  noValue: 'no_value',
  /** A titre or coded result where a number was needed, or the reverse. */
  unexpectedValueKind: 'unexpected_value_kind',
  /** A creatinine or weight of 0 or less: a data-entry error, not a patient. */
  implausibleValue: 'implausible_value',
  /** Neither the result nor the protocol gives the ULN/LLN the criterion is written against. */
  noReferenceRange: 'no_reference_range',
  indeterminateResult: 'indeterminate_result',
  /** The protocol asks for a titre but gives no minimum dilution. */
  noTiterThreshold: 'no_titer_threshold',
  /** SpO2 results in the window do not say whether the patient breathed room air. */
  roomAirNotDocumented: 'room_air_not_documented',
  /** Every SpO2 result in the window was taken on supplemental oxygen. */
  noRoomAirResult: 'no_room_air_result',
  /** No medication statement at all: a record without medication history cannot show prior therapy. */
  noMedicationHistory: 'no_medication_history',
  notAnswered: 'not_answered',
  unexpectedAnswer: 'unexpected_answer',
  noBirthDate: 'no_birth_date',
  sexUnknown: 'sex_unknown',
  noConditionRecord: 'no_condition_record',
  noOnsetDate: 'no_onset_date',
  /** A current glucocorticoid without a prednisone equivalent (domain.md §6.2 table). */
  unknownGlucocorticoid: 'unknown_glucocorticoid',
  noDose: 'no_dose',
  /** The protocol's switch has no rule for its value (a protocol error that validation prevents). */
  switchUnresolved: 'switch_unresolved',
} as const;
export type MissingCode = (typeof MissingCode)[keyof typeof MissingCode];

/** Reasons of met / not-met results. Unknown leaves use the MissingCode of what they lack. */
export const DecidedCode = {
  ageInRange: 'age_in_range',
  ageBelowMinimum: 'age_below_minimum',
  ageAboveMaximum: 'age_above_maximum',
  sexIs: 'sex_is',
  sexIsNot: 'sex_is_not',
  labThresholdMet: 'lab_threshold_met',
  labBelowThreshold: 'lab_below_threshold',
  labAboveThreshold: 'lab_above_threshold',
  labLimitMet: 'lab_limit_met',
  labAboveLimit: 'lab_above_limit',
  labBelowLimit: 'lab_below_limit',
  resultPositive: 'result_positive',
  resultNotPositive: 'result_not_positive',
  resultNegative: 'result_negative',
  resultNotNegative: 'result_not_negative',
  conditionPresent: 'condition_present',
  conditionAbsent: 'condition_absent',
  conditionLongEnough: 'condition_long_enough',
  conditionTooRecent: 'condition_too_recent',
  noneRecent: 'none_recent',
  recentEvent: 'recent_event',
  regimenStable: 'regimen_stable',
  regimenTooRecent: 'regimen_too_recent',
  doseChangedRecently: 'dose_changed_recently',
  noCurrentRegimen: 'no_current_regimen',
  glucocorticoidDoseInRange: 'glucocorticoid_dose_in_range',
  glucocorticoidDoseAboveMaximum: 'glucocorticoid_dose_above_maximum',
  glucocorticoidDoseBelowMinimum: 'glucocorticoid_dose_below_minimum',
  enoughAgents: 'enough_agents',
  tooFewAgents: 'too_few_agents',
  sledai2kMet: 'sledai2k_met',
  sledai2kTotalBelow: 'sledai2k_total_below',
  sledai2kClinicalBelow: 'sledai2k_clinical_below',
  eularAcrClassified: 'eular_acr_classified',
  eularAcrEntryNotMet: 'eular_acr_entry_not_met',
  eularAcrPointsBelow: 'eular_acr_points_below',
  eularAcrNoClinicalCriterion: 'eular_acr_no_clinical_criterion',
  crclMet: 'crcl_met',
  crclBelow: 'crcl_below',
  answerMatches: 'answer_matches',
  answerDoesNotMatch: 'answer_does_not_match',
  allMet: 'all_met',
  noneMet: 'none_met',
  eachMeasuredMet: 'each_measured_met',
  noneMeasured: 'none_measured',
} as const;
export type DecidedCode = (typeof DecidedCode)[keyof typeof DecidedCode];

export const ReasonCode = { ...DecidedCode, ...MissingCode } as const;
export type ReasonCode = DecidedCode | MissingCode;

/**
 * Codes meaning "this part was not measured in the window", as opposed to measured but unusable.
 * The `each-measured` node skips parts that are unknown only for these reasons.
 */
export const notMeasuredCodes: readonly string[] = [MissingCode.noResultInWindow, MissingCode.noResult, MissingCode.resultTooOld];
