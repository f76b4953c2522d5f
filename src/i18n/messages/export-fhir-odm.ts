// Texts of `firstdose export fhir` and `firstdose export odm`.
import type { MessageFragment } from './fragment.ts';

export const exportFhirOdmMessages: MessageFragment = {
  en: {
    'cli.export.fhir.description':
      'the study as FHIR R4 (ResearchStudy, ResearchSubject, pseudonymised Patient, Observation, AdverseEvent, MedicationAdministration): one collection Bundle when --out ends in .json, else Bulk Data NDJSON files in the directory --out',
    'cli.export.odm.description': 'every subject\'s clinical data as CDISC ODM 1.3.2 XML, with the complete audit trail (AuditRecord) and the electronic signatures (Signature, SignatureDef)',
    'cli.export.option.out-fhir': 'a .json file (Bundle) or a directory (NDJSON, one file per resource type)',
    'cli.export.option.out-odm': 'the XML file to write',
    'cli.export.option.exporter': 'who exports: a study-wide data manager or administrator (default FIRSTDOSE_USER)',
    'cli.export.file': '  {{file}}  {{bytes}} bytes  SHA-256 {{sha256}}',
    'cli.export.fhir.done': 'FHIR R4 written ({{format}}): {{resources}} resources; the export is recorded in the audit trail',
    'cli.export.odm.done': 'ODM 1.3.2 written: {{subjects}} subjects, {{auditRecords}} audit records, {{signatures}} signatures; the export is recorded in the audit trail',
    'issue.export_not_permitted': '{{user}} may not export the study: exports take a study-wide role of {{roles}}',
  },
  'zh-CN': {
    'cli.export.fhir.description':
      '以 FHIR R4 导出研究（ResearchStudy、ResearchSubject、假名化的 Patient、Observation、AdverseEvent、MedicationAdministration）：--out 以 .json 结尾时写一个 collection Bundle，否则在目录 --out 中写 Bulk Data NDJSON 文件',
    'cli.export.odm.description': '以 CDISC ODM 1.3.2 XML 导出每位受试者的临床数据，附完整的稽查轨迹（AuditRecord）和电子签名（Signature、SignatureDef）',
    'cli.export.option.out-fhir': '一个 .json 文件（Bundle）或一个目录（NDJSON，每种资源一个文件）',
    'cli.export.option.out-odm': '要写入的 XML 文件',
    'cli.export.option.exporter': '导出人：全研究范围的数据管理员或系统管理员（默认 FIRSTDOSE_USER）',
    'cli.export.file': '  {{file}}  {{bytes}} 字节  SHA-256 {{sha256}}',
    'cli.export.fhir.done': '已写入 FHIR R4（{{format}}）：{{resources}} 个资源；本次导出已记入稽查轨迹',
    'cli.export.odm.done': '已写入 ODM 1.3.2：{{subjects}} 位受试者，{{auditRecords}} 条稽查记录，{{signatures}} 个签名；本次导出已记入稽查轨迹',
    'issue.export_not_permitted': '{{user}} 无权导出本研究：导出需要全研究范围的角色（{{roles}}）',
  },
};
