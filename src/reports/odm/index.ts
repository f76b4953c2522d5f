// CDISC ODM 1.3.2 export of a study's clinical data with its audit trail and signatures (issue 7 part 3).
export { exportOdm, type OdmExportRequest, type OdmExportSummary, odmFormat } from './export-odm.ts';
export { odmDocument, odmNamespace, type OdmOptions } from './odm-document.ts';
export { clinicalTables, type ClinicalTable, type OdmData, type OdmRecord, type OdmSignature, type OdmSubject } from './odm-data.ts';
