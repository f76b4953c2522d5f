// The ODM 1.3.2 document (https://www.cdisc.org/standards/data-exchange/odm): Study metadata,
// AdminData (users, sites, signature meanings) and the transactional ClinicalData, in the order
// the ODM element's schema sequence requires.
import type { OdmData } from './odm-data.ts';
import { subjectData } from './clinical-data.ts';
import { studyElement, visitOrder } from './metadata.ts';
import { Oid } from './oids.ts';
import { signatureDef } from './signature-defs.ts';
import { el, xmlDocument, type XmlElement } from './xml.ts';

export const odmNamespace = 'http://www.cdisc.org/ns/odm/v1.3';

export interface OdmOptions {
  readonly fileOid: string;
  readonly createdAt: Date;
  readonly sourceSystemVersion: string;
}

function adminData(data: OdmData, mdvOid: string): XmlElement {
  const records = data.subjects.flatMap((s) => s.records);
  const usernames = [...new Set([...records.flatMap((r) => r.audit.map((a) => a.userId)), ...records.flatMap((r) => r.signatures.map((s) => s.username))])].sort();
  const defs = new Map(records.flatMap((r) => r.signatures).map((s) => [Oid.signatureDef(s.role, s.meaning), s]));
  return el(
    'AdminData',
    { StudyOID: Oid.study(data.study.code) },
    ...usernames.map((u) => {
      const fullName = data.fullNames.get(u);
      return el('User', { OID: Oid.user(u) }, el('LoginName', {}, u), fullName ? el('FullName', {}, fullName) : null);
    }),
    ...data.sites.map((s) =>
      el(
        'Location',
        { OID: Oid.location(s.code), Name: s.name, LocationType: 'Site' },
        el('MetaDataVersionRef', { StudyOID: Oid.study(data.study.code), MetaDataVersionOID: mdvOid, EffectiveDate: data.protocolVersion.effectiveDate }),
      ),
    ),
    ...[...defs.values()].sort((a, b) => Oid.signatureDef(a.role, a.meaning).localeCompare(Oid.signatureDef(b.role, b.meaning))).map((s) => signatureDef(s.role, s.meaning)),
  );
}

export function odmDocument(data: OdmData, options: OdmOptions): string {
  const mdvOid = Oid.metaDataVersion(data.protocolVersion.label);
  const created = options.createdAt.toISOString();
  const visits = visitOrder(data);
  return xmlDocument(
    el(
      'ODM',
      {
        xmlns: odmNamespace,
        ODMVersion: '1.3.2',
        FileType: 'Transactional',
        FileOID: options.fileOid,
        CreationDateTime: created,
        AsOfDateTime: created,
        Originator: 'FirstDose',
        SourceSystem: 'FirstDose',
        SourceSystemVersion: options.sourceSystemVersion,
        Description: `${data.protocol.identity.shortTitle ?? data.study.code} clinical data with the complete audit trail and electronic signatures`,
      },
      studyElement(data, mdvOid),
      adminData(data, mdvOid),
      el('ClinicalData', { StudyOID: Oid.study(data.study.code), MetaDataVersionOID: mdvOid }, ...data.subjects.map((s) => subjectData(s, visits))),
    ),
  );
}
