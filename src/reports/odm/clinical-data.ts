// ClinicalData as a transactional ODM 1.3.2 file: every audit record of a subject's records is
// one ItemData, in the order it happened, with its own AuditRecord (user, location, date-time,
// reason for change, and the audit trail's sequence number as SourceID). So the file holds the
// current value of every item and how it came to be (ODM FileType "Transactional"), and its
// AuditRecords count one for one against the audit trail.
//
// ODM 1.3.2 lets an ItemGroupData carry one Signature. A record signed more than once therefore
// gets one more ItemGroupData per signature (same OID and repeat key, TransactionType "Context":
// it changes nothing), with the signature and an Annotation that states it in words and
// whether it still holds for the current content.
import type { AuditRecord } from '../../store/schema.ts';
import type { OdmRecord, OdmSignature, OdmSubject } from './odm-data.ts';
import { clinicalTables } from './odm-data.ts';
import { Oid } from './oids.ts';
import { meaningText, roleText } from './signature-defs.ts';
import { itemValue } from './values.ts';
import { el, type XmlElement } from './xml.ts';

const transactionType = { INSERT: 'Insert', UPDATE: 'Update', DELETE: 'Remove' } as const;

export function auditRecord(a: AuditRecord, locationOid: string): XmlElement {
  return el(
    'AuditRecord',
    { ID: Oid.auditRecordId(a.seq) },
    el('UserRef', { UserOID: Oid.user(a.userId) }),
    el('LocationRef', { LocationOID: locationOid }),
    el('DateTimeStamp', {}, a.recordedAt.toISOString()),
    a.reason ? el('ReasonForChange', {}, a.reason) : null,
    el('SourceID', {}, `audit_log/${a.seq}`),
  );
}

function itemData(record: OdmRecord, a: AuditRecord, locationOid: string): XmlElement {
  const value = itemValue(a.newValue);
  return el(
    'ItemData',
    {
      ItemOID: Oid.item(record.table, a.field),
      TransactionType: transactionType[a.operation],
      ...(value.isNull ? { IsNull: 'Yes' } : { Value: value.value }),
    },
    auditRecord(a, locationOid),
  );
}

export function signatureStatement(s: OdmSignature): string {
  const status = s.status === 'valid' ? 'valid' : 'broken: the record changed after it was signed';
  return `Signed by ${s.fullName} (${roleText(s.role)}), meaning: ${meaningText(s.meaning)}, at ${s.signedAt.toISOString()}; signature ${status}`;
}

function signatureGroup(record: OdmRecord, s: OdmSignature, locationOid: string): XmlElement {
  return el(
    'ItemGroupData',
    { ItemGroupOID: Oid.itemGroup(record.table), ItemGroupRepeatKey: record.rowId, TransactionType: 'Context' },
    el(
      'Signature',
      { ID: Oid.signatureId(s.id) },
      el('UserRef', { UserOID: Oid.user(s.username) }),
      el('LocationRef', { LocationOID: locationOid }),
      el('SignatureRef', { SignatureOID: Oid.signatureDef(s.role, s.meaning) }),
      el('DateTimeStamp', {}, s.signedAt.toISOString()),
      // The signature is bound to this hash of the record's canonical content.
      el('CryptoBindingManifest', {}, `sha256:${s.contentHash}`),
    ),
    el('Annotation', { SeqNum: 1 }, el('Comment', { SponsorOrSite: 'Site' }, signatureStatement(s))),
  );
}

function recordGroups(record: OdmRecord, locationOid: string): XmlElement[] {
  const groups: XmlElement[] = [];
  if (record.audit.length > 0)
    groups.push(el('ItemGroupData', { ItemGroupOID: Oid.itemGroup(record.table), ItemGroupRepeatKey: record.rowId }, ...record.audit.map((a) => itemData(record, a, locationOid))));
  for (const s of record.signatures) groups.push(signatureGroup(record, s, locationOid));
  return groups;
}

const firstSeq = (r: OdmRecord) => r.audit[0]?.seq ?? Number.MAX_SAFE_INTEGER;

/** The subject's records, by event (common first, then visits in `visitOrder`) and by form. */
export function subjectData(s: OdmSubject, visitOrder: readonly string[]): XmlElement {
  const locationOid = Oid.location(s.siteCode);
  const events = [...new Set(s.records.map((r) => r.visitCode))].sort((a, b) => {
    if (a === b) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    const [ia, ib] = [visitOrder.indexOf(a), visitOrder.indexOf(b)];
    return (ia < 0 ? Number.MAX_SAFE_INTEGER : ia) - (ib < 0 ? Number.MAX_SAFE_INTEGER : ib) || a.localeCompare(b);
  });
  return el(
    'SubjectData',
    { SubjectKey: s.subject.screeningNumber },
    el('SiteRef', { LocationOID: locationOid }),
    ...events.map((code) =>
      el(
        'StudyEventData',
        { StudyEventOID: Oid.event(code) },
        ...clinicalTables.map((table) => {
          const records = s.records.filter((r) => r.visitCode === code && r.table === table).sort((a, b) => firstSeq(a) - firstSeq(b));
          return records.length ? el('FormData', { FormOID: Oid.form(table) }, ...records.flatMap((r) => recordGroups(r, locationOid))) : null;
        }),
      ),
    ),
  );
}
