// define.xml (Define-XML 2.1 over ODM 1.3.2) for the exported datasets: the standards, one
// ItemGroupDef per dataset with its variables in order, ItemDefs with type, length, label and
// origin, the codelists (terms actually used, with NCI codes), the derivation methods, and a
// value list for SUPPAE.QVAL. Element order follows the Define-XML 2.1 schema.
import { type Codelist, codelist as fixedCodelist, ctVersion, type Term } from './ct.ts';
import { dataTypeOf } from './dataset-json.ts';
import { methods } from './methods.ts';
import { characterLengths, type Dataset, type ExportNote, type VariableSpec } from './model.ts';
import { dynamicCodelist } from './define-codelists.ts';

export interface DefineOptions {
  readonly studyid: string;
  readonly title: string;
  readonly created: string;
  readonly sourceVersion: string;
  /** File extension the datasets were written with: xpt, csv or json. */
  readonly extension: string;
}

export const studyOid = (studyid: string) => `STUDY.${studyid}`;
export const metaDataVersionOid = (studyid: string) => `MDV.${studyid}.SDTMIG.3.4`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const text = (s: string) => `<Description><TranslatedText xml:lang="en">${esc(s)}</TranslatedText></Description>`;

const originSource: Record<string, string> = { Collected: 'Investigator', Derived: 'Sponsor', Assigned: 'Sponsor', Protocol: 'Sponsor', Predecessor: 'Sponsor' };

function defineDataType(v: VariableSpec, dataset: Dataset): string {
  if (v.type === 'Num') return v.integer ? 'integer' : 'float';
  if (!v.iso8601) return 'text';
  return dataTypeOf(v, dataset) === 'date' ? 'date' : 'partialDatetime';
}

function codelistXml(c: Codelist, used: ReadonlySet<string>, notes: ExportNote[]): string {
  const attrs = `OID="CL.${esc(c.id)}" Name="${esc(c.name)}" DataType="${c.dataType}"`;
  if (c.external) return `<CodeList ${attrs}><ExternalCodeList Dictionary="${esc(c.external.dictionary)}" Version="${esc(c.external.version)}"${c.external.href ? ` ref="${esc(c.external.href)}"` : ''}/></CodeList>`;
  const known = new Map(c.terms.map((t) => [t.value, t]));
  if (!c.open) for (const value of used) if (!known.has(value)) notes.push({ code: 'not_in_codelist', params: { codelist: c.id, value } });
  const terms: Term[] = used.size === 0 ? [...c.terms] : [...used].sort().map((value) => known.get(value) ?? { value });
  const items = terms.map((t, i) => {
    const alias = t.code ? `<Alias Context="nci:ExtCodeID" Name="${t.code}"/>` : '';
    const extended = c.code && !t.code ? ' def:ExtendedValue="Yes"' : '';
    return t.decode
      ? `<CodeListItem CodedValue="${esc(t.value)}" OrderNumber="${i + 1}"${extended}><Decode><TranslatedText xml:lang="en">${esc(t.decode)}</TranslatedText></Decode>${alias}</CodeListItem>`
      : `<EnumeratedItem CodedValue="${esc(t.value)}" OrderNumber="${i + 1}"${extended}>${alias}</EnumeratedItem>`;
  });
  const standard = c.code ? ' def:StandardOID="STD.CT"' : '';
  return `<CodeList ${attrs}${standard}>${items.join('')}${c.code ? `<Alias Context="nci:ExtCodeID" Name="${c.code}"/>` : ''}</CodeList>`;
}

function itemDef(oid: string, v: VariableSpec, dataset: Dataset, length: number | undefined, description = v.label): string {
  const dataType = defineDataType(v, dataset);
  const len = dataType === 'text' || dataType === 'integer' || dataType === 'float' ? ` Length="${length ?? 8}"` : '';
  const cl = v.codelist ? `<CodeListRef CodeListOID="CL.${esc(v.codelist)}"/>` : '';
  return `<ItemDef OID="${oid}" Name="${v.name}" DataType="${dataType}"${len} SASFieldName="${v.name}">${text(description)}${cl}<def:Origin Type="${v.origin}" Source="${originSource[v.origin]}"/></ItemDef>`;
}

export function defineXml(datasets: readonly Dataset[], options: DefineOptions, notes: ExportNote[]): string {
  const used = new Map<string, Set<string>>();
  const groups: string[] = [];
  const items: string[] = [];
  const valueLists: string[] = [];
  const whereClauses: string[] = [];
  const methodIds = new Set<string>();
  for (const dataset of datasets) {
    const { spec } = dataset;
    const lengths = characterLengths(dataset);
    const refs = spec.variables.map((v, i) => {
      const key = spec.keys.indexOf(v.name);
      if (v.method) methodIds.add(v.method);
      if (v.codelist) {
        const set = used.get(v.codelist) ?? new Set<string>();
        for (const row of dataset.rows) if (row[v.name] !== null && row[v.name] !== undefined) set.add(String(row[v.name]));
        used.set(v.codelist, set);
      }
      const vl = spec.name.startsWith('SUPP') && v.name === 'QVAL' ? `<def:ValueListRef ValueListOID="VL.${spec.name}.QVAL"/>` : '';
      items.push(itemDef(`IT.${spec.name}.${v.name}`, v, dataset, lengths.get(v.name)).replace('</ItemDef>', `${vl}</ItemDef>`));
      return `<ItemRef ItemOID="IT.${spec.name}.${v.name}" Mandatory="${v.core === 'Req' ? 'Yes' : 'No'}" OrderNumber="${i + 1}"${key >= 0 ? ` KeySequence="${key + 1}"` : ''}${v.method ? ` MethodOID="MT.${v.method}"` : ''} Role="${v.role}"/>`;
    });
    if (spec.name.startsWith('SUPP')) {
      const qnams = [...new Map(dataset.rows.map((r) => [String(r.QNAM), String(r.QLABEL)])).entries()];
      const qval = spec.variables.find((v) => v.name === 'QVAL')!;
      valueLists.push(
        `<def:ValueListDef OID="VL.${spec.name}.QVAL">${qnams
          .map(([q], i) => `<ItemRef ItemOID="IT.${spec.name}.QVAL.${q}" OrderNumber="${i + 1}" Mandatory="Yes"><def:WhereClauseRef WhereClauseOID="WC.${spec.name}.QNAM.${q}"/></ItemRef>`)
          .join('')}</def:ValueListDef>`,
      );
      for (const [q, label] of qnams) {
        const values = dataset.rows.filter((r) => r.QNAM === q).map((r) => String(r.QVAL ?? ''));
        const length = Math.max(1, ...values.map((x) => Buffer.byteLength(x)));
        items.push(itemDef(`IT.${spec.name}.QVAL.${q}`, { ...qval, origin: q === 'AEDLT' ? 'Collected' : q === 'AEGRDRV' ? 'Derived' : 'Assigned' }, dataset, length, label));
        whereClauses.push(
          `<def:WhereClauseDef OID="WC.${spec.name}.QNAM.${q}"><RangeCheck SoftHard="Soft" def:ItemOID="IT.${spec.name}.QNAM" Comparator="EQ"><CheckValue>${esc(q)}</CheckValue></RangeCheck></def:WhereClauseDef>`,
        );
      }
    }
    const file = `${spec.name.toLowerCase()}.${options.extension}`;
    groups.push(
      `<ItemGroupDef OID="IG.${spec.name}" Name="${spec.name}" SASDatasetName="${spec.name}" Domain="${spec.domain}" Repeating="${spec.class === 'TRIAL DESIGN' ? 'No' : 'Yes'}" IsReferenceData="${spec.class === 'TRIAL DESIGN' ? 'Yes' : 'No'}" Purpose="Tabulation" def:Structure="${esc(spec.structure)}" def:StandardOID="STD.SDTMIG" def:ArchiveLocationID="LF.${spec.name}">${text(spec.label)}${refs.join('')}<def:Class Name="${spec.class}"/><def:leaf ID="LF.${spec.name}" xlink:href="${file}"><def:title>${file}</def:title></def:leaf></ItemGroupDef>`,
    );
  }
  const codelists = [...used.keys()].sort().map((id) => codelistXml(fixedCodelist(id) ?? dynamicCodelist(id), used.get(id)!, notes));
  const methodDefs = [...methodIds].sort().map((m) => `<MethodDef OID="MT.${m}" Name="${m}" Type="${m === 'SEQ' || m === 'USUBJID' ? 'Imputation' : 'Computation'}">${text(methods[m] ?? m)}</MethodDef>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:def="http://www.cdisc.org/ns/def/v2.1" ODMVersion="1.3.2" FileOID="${studyOid(options.studyid)}.DEFINE" FileType="Snapshot" CreationDateTime="${options.created}" Originator="FirstDose" SourceSystem="FirstDose" SourceSystemVersion="${esc(options.sourceVersion)}" def:Context="Submission">`,
    `<Study OID="${studyOid(options.studyid)}">`,
    `<GlobalVariables><StudyName>${esc(options.studyid)}</StudyName><StudyDescription>${esc(options.title)}</StudyDescription><ProtocolName>${esc(options.studyid)}</ProtocolName></GlobalVariables>`,
    `<MetaDataVersion OID="${metaDataVersionOid(options.studyid)}" Name="${esc(options.studyid)} SDTM" Description="SDTM datasets exported by FirstDose" def:DefineVersion="2.1.0">`,
    `<def:Standards><def:Standard OID="STD.SDTMIG" Name="SDTMIG" Type="IG" Version="3.4" Status="Final"/><def:Standard OID="STD.CT" Name="CDISC/NCI" Type="CT" PublishingSet="SDTM" Version="${ctVersion}" Status="Final"/></def:Standards>`,
    ...valueLists,
    ...whereClauses,
    ...groups,
    ...items,
    ...codelists,
    ...methodDefs,
    '</MetaDataVersion>',
    '</Study>',
    '</ODM>',
    '',
  ].join('\n');
}
