// Column sets and order per dataset: SDTMIG 3.4 (the transcribed table in sdtmig.ts), and where
// the CDISC pilot has the domain, its variables' labels, types and relative order
// (shared/reference/cdisc-pilot, SDTMIG 3.3: the labels SDTMIG 3.4 changed are listed).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { domainSpecs } from './build.ts';
import { sdtmigVariables } from './sdtmig.ts';

const pilotDir = join(import.meta.dirname, '../../../../shared/reference/cdisc-pilot');

/** Labels SDTMIG 3.4 renamed since the pilot's 3.3, and 3.4 types that differ. */
const renamed: Record<string, string> = {
  'SV.SVSTDTC': 'Start Date/Time of Visit',
  'SV.SVENDTC': 'End Date/Time of Visit',
  'SV.SVSTDY': 'Study Day of Start of Visit',
  'SV.SVENDY': 'Study Day of End of Visit',
  'TS.TSVALNF': 'Parameter Null Flavor',
};
const retyped = new Set(['AE.AELLTCD', 'AE.AEPTCD', 'AE.AEHLTCD', 'AE.AEHLGTCD', 'AE.AEBDSYCD', 'AE.AESOCCD']);

describe('SDTM dataset variables', () => {
  for (const spec of domainSpecs) {
    it(`${spec.name}: SDTMIG 3.4 names, order and core, every Req and Exp variable present`, () => {
      const ig = sdtmigVariables(spec.name);
      const names = ig.map((v) => v.name);
      const positions = spec.variables.map((v) => names.indexOf(v.name));
      assert.ok(!positions.includes(-1), `not in SDTMIG 3.4 ${spec.name}: ${spec.variables.filter((_, i) => positions[i] === -1).map((v) => v.name)}`);
      assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `${spec.name} variables out of SDTMIG order`);
      const mine = new Map(spec.variables.map((v) => [v.name, v]));
      for (const v of ig) {
        if (v.core !== 'Perm') assert.ok(mine.has(v.name), `${spec.name}.${v.name} (${v.core}) missing`);
        if (mine.has(v.name)) assert.equal(mine.get(v.name)!.core, v.core, `${spec.name}.${v.name} core`);
      }
      for (const v of spec.variables) {
        assert.ok(v.name.length <= 8 && /^[A-Z][A-Z0-9]*$/.test(v.name), v.name);
        assert.ok(v.label.length <= 40, `${v.name} label over 40`);
      }
      assert.ok(spec.keys.every((k) => mine.has(k)), `${spec.name} keys`);
    });

    const pilotFile = join(pilotDir, `${spec.name.toLowerCase()}.json`);
    it(`${spec.name}: labels, types and order agree with the CDISC pilot`, { skip: !existsSync(pilotFile) && 'not in the pilot' }, () => {
      const pilot = JSON.parse(readFileSync(pilotFile, 'utf8')) as { columns: Array<{ name: string; label: string; dataType: string }> };
      const theirs = new Map(pilot.columns.map((c, i) => [c.name, { ...c, order: i }]));
      const common = spec.variables.filter((v) => theirs.has(v.name));
      assert.ok(common.length >= 5, `${spec.name}: too few variables in common with the pilot`);
      for (const v of common) {
        const c = theirs.get(v.name)!;
        assert.equal(renamed[`${spec.name}.${v.name}`] ?? v.label, c.label, `${spec.name}.${v.name} label`);
        if (!retyped.has(`${spec.name}.${v.name}`)) assert.equal(v.type === 'Num' ? 'Num' : 'Char', ['integer', 'float', 'double', 'decimal'].includes(c.dataType) ? 'Num' : 'Char', `${spec.name}.${v.name} type`);
      }
      const order = common.map((v) => theirs.get(v.name)!.order);
      assert.deepEqual(order, [...order].sort((a, b) => a - b), `${spec.name}: order differs from the pilot`);
    });
  }
});
