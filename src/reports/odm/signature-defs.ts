// AdminData's SignatureDefs: one per role and meaning that signed a record in the file, worded as
// the signature manifests on screen and in print (R-25: "Investigator: eligibility confirmed").
import type { SignatureMeaning } from '../../store/access/index.ts';
import { Oid } from './oids.ts';
import { el, type XmlElement } from './xml.ts';

const roles: Readonly<Record<string, string>> = {
  investigator: 'Investigator',
  coordinator: 'Study coordinator',
  monitor: 'Monitor',
  data_manager: 'Data manager',
  safety_committee: 'Safety committee member',
  sponsor_viewer: 'Sponsor',
  administrator: 'Administrator',
  'account-holder': 'Account holder',
};

const meanings: Readonly<Record<SignatureMeaning, string>> = {
  authored: 'authored',
  reviewed: 'reviewed',
  approved: 'approved',
  'eligibility-confirmed': 'eligibility confirmed',
  'dlt-adjudicated': 'DLT adjudicated',
  'escalation-approved': 'escalation approved',
  'signature-attestation': 'electronic signature attested as equivalent to a handwritten one',
};

export const roleText = (role: string) => roles[role] ?? role;
export const meaningText = (meaning: SignatureMeaning) => meanings[meaning] ?? meaning;

// 21 CFR 11.50/11.70/11.200 and Annex 11 §14: what makes these signatures binding and checkable.
const legalReason =
  'Electronic signature (21 CFR Part 11; EU GMP Annex 11 §14): the signer re-entered their password, attested once that their electronic signature is the legally binding equivalent of their handwritten signature, and the signature is bound to a SHA-256 hash of the signed record\'s content.';

export function signatureDef(role: string, meaning: SignatureMeaning): XmlElement {
  return el(
    'SignatureDef',
    { OID: Oid.signatureDef(role, meaning), Methodology: 'Electronic' },
    el('Meaning', {}, `${roleText(role)}: ${meaningText(meaning)}`),
    el('LegalReason', {}, legalReason),
  );
}
