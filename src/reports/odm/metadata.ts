// The Study element: what a receiver needs to read the ClinicalData. One StudyEventDef per visit
// of the protocol (and the common event for records outside visits), one form and item group per
// table, one item per field the audit trail names, typed by the values it took.
import type { OdmData } from './odm-data.ts';
import { type ClinicalTable, clinicalTables } from './odm-data.ts';
import { Oid } from './oids.ts';
import { dataTypeOf } from './values.ts';
import { el, type XmlElement } from './xml.ts';

const formNames: Readonly<Record<ClinicalTable, string>> = {
  subject: 'Subject',
  screening_result: 'Screening result (eligibility snapshot)',
  visit: 'Visit',
  observation: 'Observation',
  dose_administration: 'Dose administration',
  adverse_event: 'Adverse event',
  data_query: 'Data query',
};

/** Visit codes in schedule order: the protocol's, then any others the data holds. */
export function visitOrder(data: OdmData): string[] {
  const planned = [...data.protocol.visits].sort((a, b) => a.day - b.day).map((v) => v.id);
  const seen = data.subjects.flatMap((s) => s.records.map((r) => r.visitCode)).filter((c): c is string => c !== null);
  return [...new Set([...planned, ...[...new Set(seen)].filter((c) => !planned.includes(c)).sort()])];
}

function itemsByTable(data: OdmData): Map<ClinicalTable, Map<string | null, unknown[]>> {
  const out = new Map<ClinicalTable, Map<string | null, unknown[]>>(clinicalTables.map((t) => [t, new Map()]));
  for (const s of data.subjects)
    for (const r of s.records)
      for (const a of r.audit) {
        const fields = out.get(r.table)!;
        fields.set(a.field, [...(fields.get(a.field) ?? []), a.newValue]);
      }
  return out;
}

export function studyElement(data: OdmData, mdvOid: string): XmlElement {
  const visits = visitOrder(data);
  const names = new Map(data.protocol.visits.map((v) => [v.id, v.name.en]));
  const items = itemsByTable(data);
  const commonForms = clinicalTables.filter((t) => t !== 'visit');
  const events = [
    { oid: Oid.event(null), name: 'Records outside visits', type: 'Common', forms: commonForms },
    ...visits.map((v) => ({ oid: Oid.event(v), name: names.get(v) ?? v, type: 'Scheduled', forms: ['visit', 'observation'] as ClinicalTable[] })),
  ];
  const itemDefs = clinicalTables.flatMap((t) =>
    [...items.get(t)!.entries()].map(([field, values]) => el('ItemDef', { OID: Oid.item(t, field), Name: `${t}.${field ?? 'record'}`, DataType: dataTypeOf(values) })),
  );
  return el(
    'Study',
    { OID: Oid.study(data.study.code) },
    el(
      'GlobalVariables',
      {},
      el('StudyName', {}, data.protocol.identity.shortTitle ?? data.study.code),
      el('StudyDescription', {}, data.protocol.identity.title.en),
      el('ProtocolName', {}, data.protocol.identity.registryId),
    ),
    el(
      'MetaDataVersion',
      { OID: mdvOid, Name: `Protocol version ${data.protocolVersion.label}` },
      el('Protocol', {}, ...events.map((e, i) => el('StudyEventRef', { StudyEventOID: e.oid, OrderNumber: i + 1, Mandatory: 'No' }))),
      ...events.map((e) =>
        el('StudyEventDef', { OID: e.oid, Name: e.name, Repeating: 'No', Type: e.type }, ...e.forms.map((f, i) => el('FormRef', { FormOID: Oid.form(f), OrderNumber: i + 1, Mandatory: 'No' }))),
      ),
      ...clinicalTables.map((t) => el('FormDef', { OID: Oid.form(t), Name: formNames[t], Repeating: 'Yes' }, el('ItemGroupRef', { ItemGroupOID: Oid.itemGroup(t), Mandatory: 'No' }))),
      ...clinicalTables.map((t) =>
        el(
          'ItemGroupDef',
          { OID: Oid.itemGroup(t), Name: formNames[t], Repeating: 'Yes' },
          ...[...items.get(t)!.keys()].map((field, i) => el('ItemRef', { ItemOID: Oid.item(t, field), OrderNumber: i + 1, Mandatory: 'No' })),
        ),
      ),
      ...itemDefs,
    ),
  );
}
