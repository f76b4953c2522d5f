// The three FirstDose questionnaires as the adapter reads them: canonical URL, and per linkId the
// answer type. The linkIds of SLEDAI-2K and EULAR/ACR 2019 are the score codes of src/domain/scores,
// so an answer maps onto a score item without a translation table.
import { QuestionnaireId } from '../../domain/eligibility/patient-record.ts';
import { eularAcrCriterionCodes } from '../../domain/scores/eular-acr-2019.ts';
import { sledai2kItems } from '../../domain/scores/sledai2k.ts';

export type ItemSpec = { readonly type: 'boolean' } | { readonly type: 'integer'; readonly min: number; readonly max: number };

export const questionnaireBaseUrl = 'https://firstdose.dev/fhir/Questionnaire/';

/** The screening attestations; dyspnoea is graded by CTCAE v5 (0 = none … 5 = death). */
export const attestationItems = {
  'dyspnea-grade': { type: 'integer', min: 0, max: 5 },
  lactating: { type: 'boolean' },
  'contraception-agreed': { type: 'boolean' },
} as const satisfies Record<string, ItemSpec>;
export type AttestationItem = keyof typeof attestationItems;

const booleans = (codes: readonly string[]) => new Map<string, ItemSpec>(codes.map((c) => [c, { type: 'boolean' }]));

export const questionnaireItems: Readonly<Record<QuestionnaireId, ReadonlyMap<string, ItemSpec>>> = {
  [QuestionnaireId.sledai2k]: booleans(sledai2kItems),
  [QuestionnaireId.eularAcr2019]: booleans(eularAcrCriterionCodes),
  [QuestionnaireId.attestations]: new Map<string, ItemSpec>(Object.entries(attestationItems)),
};

const byUrl = new Map<string, QuestionnaireId>(Object.values(QuestionnaireId).map((id) => [`${questionnaireBaseUrl}${id}`, id]));

/** The questionnaire a canonical names, ignoring a `|version` suffix; undefined when not ours. */
export function questionnaireOf(canonical: string): QuestionnaireId | undefined {
  const bar = canonical.indexOf('|');
  return byUrl.get(bar < 0 ? canonical : canonical.slice(0, bar));
}
