// The codelists whose terms come from the trial (arms, elements, criteria, tests, units) rather
// than a fixed list: named here, with the NCI codes FirstDose knows for their terms.
import { type Codelist, sponsorCodelist, type Term } from './ct.ts';
import { tsParameters } from './map-ts.ts';
import { cdiscUnits, labTests, vitalTests } from './tests.ts';

const testTerms = (tests: typeof labTests, field: 'testcd' | 'test'): Term[] => Object.values(tests).map((t) => ({ value: t[field], ...(t.code ? { code: t.code } : {}) }));
const unitTerms: Term[] = Object.values(cdiscUnits).map((u) => ({ value: u.value, ...(u.code ? { code: u.code } : {}) }));

const dynamic: Record<string, () => Codelist> = {
  LBTESTCD: () => sponsorCodelist('LBTESTCD', 'Laboratory Test Code', testTerms(labTests, 'testcd'), 'C65047'),
  LBTEST: () => sponsorCodelist('LBTEST', 'Laboratory Test Name', testTerms(labTests, 'test'), 'C67154'),
  VSTESTCD: () => sponsorCodelist('VSTESTCD', 'Vital Signs Test Code', testTerms(vitalTests, 'testcd'), 'C66741'),
  VSTEST: () => sponsorCodelist('VSTEST', 'Vital Signs Test Name', testTerms(vitalTests, 'test'), 'C67153'),
  UNIT: () => sponsorCodelist('UNIT', 'Unit', unitTerms, 'C71620'),
  VSRESU: () => sponsorCodelist('VSRESU', 'Units for Vital Signs Results', unitTerms, 'C66770'),
  TSPARMCD: () => sponsorCodelist('TSPARMCD', 'Trial Summary Parameter Test Code', Object.entries(tsParameters).map(([value, p]) => ({ value, code: p.code })), 'C66738'),
  TSPARM: () => sponsorCodelist('TSPARM', 'Trial Summary Parameter Test Name', Object.values(tsParameters).map((p) => ({ value: p.name, code: p.code })), 'C67152'),
  QSCAT: () => sponsorCodelist('QSCAT', 'Category of Questionnaire', [{ value: 'SLEDAI-2K' }, { value: 'PGA' }], 'C100129'),
  ARMCD: () => sponsorCodelist('ARMCD', 'Planned Arm Code', [], undefined, true),
};

/** A trial-built codelist; unknown ids become sponsor-defined lists of the values used. */
export function dynamicCodelist(id: string): Codelist {
  return dynamic[id]?.() ?? sponsorCodelist(id, id, [], undefined, true);
}
