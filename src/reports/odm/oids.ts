// The OIDs of the ODM file. Prefixes keep each kind apart, since ODM 1.3.2 requires the OIDs of
// a MetaDataVersion's definitions to be unique across kinds (UC-MDV-OID-unique).
import type { ClinicalTable } from './odm-data.ts';

const upper = (s: string) => s.toUpperCase().replace(/[^A-Z0-9_.-]/g, '_');

export const Oid = {
  study: (code: string) => `ST.${code}`,
  metaDataVersion: (label: string) => `MDV.${label}`,
  /** Records that belong to no visit live in one common event. */
  event: (visitCode: string | null) => `SE.${visitCode === null ? 'COMMON' : upper(visitCode)}`,
  form: (table: ClinicalTable) => `F.${upper(table)}`,
  itemGroup: (table: ClinicalTable) => `IG.${upper(table)}`,
  /** A field's item; a row-level audit record (no field) is the record item. */
  item: (table: ClinicalTable, field: string | null) => `IT.${upper(table)}.${field === null ? 'RECORD' : upper(field)}`,
  user: (username: string) => `USR.${username}`,
  location: (siteCode: string) => `LOC.${siteCode}`,
  signatureDef: (role: string, meaning: string) => `SD.${role}.${meaning}`,
  /** xs:ID values: a letter first, then NCName characters, which uuids and sequence numbers are. */
  auditRecordId: (seq: number) => `AR.${seq}`,
  signatureId: (id: string) => `SG.${id}`,
} as const;
