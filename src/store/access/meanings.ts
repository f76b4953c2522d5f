// Which roles may sign with which meaning (R-29; 21 CFR 11.10(g)). The order of a list is the
// order of preference: a user holding two of them signs, and is shown, in the first.
// The attestation is not here: only the account's owner signs it, whatever their roles.
import { Role, type SignatureMeaning } from '../schema-conduct.ts';

export type RoleMeaning = Exclude<SignatureMeaning, 'signature-attestation'>;

export const signingRoles: Readonly<Record<RoleMeaning, readonly Role[]>> = {
  'eligibility-confirmed': [Role.investigator],
  'dlt-adjudicated': [Role.investigator],
  'escalation-approved': [Role.safetyCommittee],
  reviewed: [Role.monitor, Role.investigator, Role.dataManager, Role.safetyCommittee],
  authored: [Role.investigator, Role.coordinator, Role.dataManager],
  approved: [Role.investigator, Role.safetyCommittee, Role.administrator],
};

export const attestationMeaning = 'signature-attestation' satisfies SignatureMeaning;

export const isRoleMeaning = (meaning: string): meaning is RoleMeaning => Object.hasOwn(signingRoles, meaning);
