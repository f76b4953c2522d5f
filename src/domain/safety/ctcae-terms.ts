// The CTCAE v5.0 terms FirstDose grades, as stable codes (kebab-case of the CTCAE term name).
// Each one's criteria are copied from the CTCAE v5.0 text as carried by pharmaverse/admiral
// (data-raw/adlb_grading/ncictcaev5.json) and shared/domain/domain.md §5.2; see ctcae-criteria.ts.
export const CtcaeTerm = {
  neutrophilCountDecreased: 'neutrophil-count-decreased',
  lymphocyteCountDecreased: 'lymphocyte-count-decreased',
  whiteBloodCellDecreased: 'white-blood-cell-decreased',
  plateletCountDecreased: 'platelet-count-decreased',
  anemia: 'anemia',
  hypoalbuminemia: 'hypoalbuminemia',
  alanineAminotransferaseIncreased: 'alanine-aminotransferase-increased',
  aspartateAminotransferaseIncreased: 'aspartate-aminotransferase-increased',
  alkalinePhosphataseIncreased: 'alkaline-phosphatase-increased',
  ggtIncreased: 'ggt-increased',
  bloodBilirubinIncreased: 'blood-bilirubin-increased',
  creatinineIncreased: 'creatinine-increased',
  activatedPartialThromboplastinTimeProlonged: 'activated-partial-thromboplastin-time-prolonged',
  inrIncreased: 'inr-increased',
  fever: 'fever',
} as const;
export type CtcaeTerm = (typeof CtcaeTerm)[keyof typeof CtcaeTerm];

/** Every term code, for schemas and listings. */
export const ctcaeTerms = Object.values(CtcaeTerm) as [CtcaeTerm, ...CtcaeTerm[]];
