// FirstDose observation codes to SDTM tests: LBTESTCD/LBTEST (CDISC CT C65047/C67154) and
// VSTESTCD/VSTEST (C66741/C67153), with category, specimen and standard unit. Codes checked
// against the CDISC pilot define.xml carry their NCI code; the others are to be confirmed
// against the sponsor's CT package (ct.ts).
import type { Analyte } from '../../domain/units/index.ts';

export interface TestDef {
  readonly testcd: string;
  readonly test: string;
  readonly code?: string;
  readonly cat?: string;
  readonly spec?: string;
  /** Standard unit as UCUM (the store's form); converted with the analyte where mass and molar differ. */
  readonly standardUnit?: string;
  readonly analyte?: Analyte;
}

export const labTests: Readonly<Record<string, TestDef>> = {
  anc: { testcd: 'NEUT', test: 'Neutrophils', code: 'C63321', cat: 'HEMATOLOGY', spec: 'BLOOD', standardUnit: '10*9/L' },
  alc: { testcd: 'LYM', test: 'Lymphocytes', code: 'C51949', cat: 'HEMATOLOGY', spec: 'BLOOD', standardUnit: '10*9/L' },
  wbc: { testcd: 'WBC', test: 'Leukocytes', code: 'C51948', cat: 'HEMATOLOGY', spec: 'BLOOD', standardUnit: '10*9/L' },
  platelets: { testcd: 'PLAT', test: 'Platelets', code: 'C51951', cat: 'HEMATOLOGY', spec: 'BLOOD', standardUnit: '10*9/L' },
  hemoglobin: { testcd: 'HGB', test: 'Hemoglobin', code: 'C64848', cat: 'HEMATOLOGY', spec: 'BLOOD', standardUnit: 'g/L' },
  inr: { testcd: 'INR', test: 'Prothrombin Intl. Normalized Ratio', cat: 'COAGULATION', spec: 'PLASMA' },
  aptt: { testcd: 'APTT', test: 'Activated Partial Thromboplastin Time', code: 'C38462', cat: 'COAGULATION', spec: 'PLASMA', standardUnit: 's' },
  alt: { testcd: 'ALT', test: 'Alanine Aminotransferase', code: 'C64433', cat: 'CHEMISTRY', spec: 'SERUM', standardUnit: 'U/L' },
  ast: { testcd: 'AST', test: 'Aspartate Aminotransferase', code: 'C64467', cat: 'CHEMISTRY', spec: 'SERUM', standardUnit: 'U/L' },
  alp: { testcd: 'ALP', test: 'Alkaline Phosphatase', code: 'C64432', cat: 'CHEMISTRY', spec: 'SERUM', standardUnit: 'U/L' },
  ggt: { testcd: 'GGT', test: 'Gamma Glutamyl Transferase', code: 'C64847', cat: 'CHEMISTRY', spec: 'SERUM', standardUnit: 'U/L' },
  albumin: { testcd: 'ALB', test: 'Albumin', code: 'C64431', cat: 'CHEMISTRY', spec: 'SERUM', standardUnit: 'g/L' },
  bilirubin: { testcd: 'BILI', test: 'Bilirubin', code: 'C38037', cat: 'CHEMISTRY', spec: 'SERUM', standardUnit: 'umol/L', analyte: 'bilirubin' },
  creatinine: { testcd: 'CREAT', test: 'Creatinine', code: 'C64547', cat: 'CHEMISTRY', spec: 'SERUM', standardUnit: 'umol/L', analyte: 'creatinine' },
  crp: { testcd: 'CRP', test: 'C Reactive Protein', cat: 'CHEMISTRY', spec: 'SERUM', standardUnit: 'mg/L' },
  ferritin: { testcd: 'FERRITIN', test: 'Ferritin', cat: 'CHEMISTRY', spec: 'SERUM' },
  c3: { testcd: 'C3', test: 'Complement C3', cat: 'IMMUNOLOGY', spec: 'SERUM', standardUnit: 'g/L' },
  c4: { testcd: 'C4', test: 'Complement C4', cat: 'IMMUNOLOGY', spec: 'SERUM', standardUnit: 'g/L' },
  antiDsDna: { testcd: 'DSDNAAB', test: 'Double-Stranded DNA Antibody', cat: 'IMMUNOLOGY', spec: 'SERUM' },
  anaTiter: { testcd: 'ANAAB', test: 'Antinuclear Antibodies', cat: 'IMMUNOLOGY', spec: 'SERUM' },
  urineHcg: { testcd: 'HCG', test: 'Choriogonadotropin', cat: 'URINALYSIS', spec: 'URINE' },
};

export const vitalTests: Readonly<Record<string, TestDef>> = {
  weight: { testcd: 'WEIGHT', test: 'Weight', code: 'C25208', standardUnit: 'kg' },
  height: { testcd: 'HEIGHT', test: 'Height', code: 'C25347', standardUnit: 'cm' },
  spo2: { testcd: 'OXYSAT', test: 'Oxygen Saturation', code: 'C60832', standardUnit: '%' },
  temperature: { testcd: 'TEMP', test: 'Temperature', code: 'C25206', standardUnit: 'Cel' },
  pulse: { testcd: 'PULSE', test: 'Pulse Rate', code: 'C49676' },
  sysbp: { testcd: 'SYSBP', test: 'Systolic Blood Pressure', code: 'C25298' },
  diabp: { testcd: 'DIABP', test: 'Diastolic Blood Pressure', code: 'C25299' },
};

/**
 * Findings that FirstDose files as vital signs but SDTM puts elsewhere: LVEF by echocardiography
 * belongs in CV, not exported yet.
 */
export const notVitalSigns: ReadonlySet<string> = new Set(['lvef']);

/** UCUM units as CDISC UNIT (C71620) submission values; the NCI code where checked. */
export const cdiscUnits: Readonly<Record<string, { value: string; code?: string }>> = {
  '10*9/L': { value: '10^9/L', code: 'C67255' },
  '10*3/uL': { value: '10^3/uL' },
  'g/L': { value: 'g/L' },
  'g/dL': { value: 'g/dL', code: 'C64783' },
  'mg/dL': { value: 'mg/dL', code: 'C67015' },
  'mg/L': { value: 'mg/L' },
  'umol/L': { value: 'umol/L', code: 'C67408' },
  'mmol/L': { value: 'mmol/L', code: 'C64387' },
  'U/L': { value: 'U/L', code: 'C67456' },
  '[IU]/mL': { value: 'IU/mL' },
  s: { value: 'sec' },
  '%': { value: '%', code: 'C25613' },
  kg: { value: 'kg', code: 'C28252' },
  cm: { value: 'cm', code: 'C49668' },
  Cel: { value: 'C', code: 'C42559' },
  mg: { value: 'mg', code: 'C28253' },
  'mg/d': { value: 'mg/day' },
};

/** A unit as CDISC writes it: the CT submission value when known, else the unit as recorded. */
export const cdiscUnit = (ucum: string | null | undefined): string | null => (ucum ? (cdiscUnits[ucum]?.value ?? (ucum === '{INR}' || ucum === 'titer' ? null : ucum)) : null);
