// What the ODM builder reads: each subject's records with their whole audit trail and their
// signatures, loaded in one snapshot (load-odm-data.ts), so that building the file is a pure
// function of it.
import type { Protocol } from '../../domain/protocol/index.ts';
import type { SignatureMeaning, SignatureStatus } from '../../store/access/index.ts';
import type { AuditRecord, Site, Study, Subject } from '../../store/schema.ts';

/** The subject-bound tables whose rows the ODM file carries, in the order its forms list them. */
export const clinicalTables = ['subject', 'screening_result', 'visit', 'observation', 'dose_administration', 'adverse_event', 'data_query'] as const;
export type ClinicalTable = (typeof clinicalTables)[number];

/** A signature as it manifests: who by name and role, what it means, when, and whether it still holds. */
export interface OdmSignature {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly role: string;
  readonly meaning: SignatureMeaning;
  readonly signedAt: Date;
  readonly contentHash: string;
  readonly status: SignatureStatus;
}

export interface OdmRecord {
  readonly table: ClinicalTable;
  readonly rowId: string;
  /** The visit the record belongs to (a visit row, or an observation at a visit); null: none. */
  readonly visitCode: string | null;
  /** Every audit record of the row, oldest first. */
  readonly audit: readonly AuditRecord[];
  readonly signatures: readonly OdmSignature[];
}

export interface OdmSubject {
  readonly subject: Subject;
  readonly siteCode: string;
  readonly records: readonly OdmRecord[];
}

export interface OdmData {
  readonly study: Study;
  readonly protocol: Protocol;
  readonly protocolVersion: { readonly label: string; readonly effectiveDate: string };
  readonly sites: readonly Site[];
  readonly subjects: readonly OdmSubject[];
  /** Full names of the accounts named in the audit trail and signatures, by username. */
  readonly fullNames: ReadonlyMap<string, string>;
}
