import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseInput } from '../validation.ts';
import { type AnaStatus, classifyEularAcr2019, EularAcrInput, eularAcrCriteria, eularAcrCriterionCodes, immunologicDomains } from './eular-acr-2019.ts';

describe('2019 EULAR/ACR worked examples (domain.md §7)', () => {
  const cases: Array<[string, AnaStatus, string[], number, boolean]> = [
    ['C1', 'positive', ['fever', 'non-scarring-alopecia', 'oral-ulcers', 'joint-involvement', 'low-c3-or-low-c4', 'anti-dsdna-or-anti-smith'], 19, true],
    ['C2 (ANA 1:40: no entry)', 'negative', ['fever', 'joint-involvement', 'anti-dsdna-or-anti-smith', 'low-c3-and-low-c4'], 18, false],
    ['C3 (no clinical criterion)', 'positive', ['anti-dsdna-or-anti-smith', 'low-c3-and-low-c4', 'antiphospholipid-antibodies'], 12, false],
    ['C4 (boundary 10)', 'positive', ['leukopenia', 'thrombocytopenia', 'autoimmune-hemolysis', 'subacute-cutaneous-or-discoid-lupus', 'acute-cutaneous-lupus'], 10, true],
    ['C5', 'positive', ['renal-biopsy-class-3-or-4', 'proteinuria'], 10, true],
    ['C6', 'positive', ['pleural-or-pericardial-effusion', 'acute-pericarditis', 'fever'], 8, false],
    ['C7', 'positive', ['non-scarring-alopecia', 'low-c3-or-low-c4', 'anti-dsdna-or-anti-smith'], 11, true],
  ];
  for (const [name, ana, criteria, points, classified] of cases) {
    it(`${name}: ${points} points, ${classified ? '' : 'not '}classified`, () => {
      const r = classifyEularAcr2019(ana, criteria);
      assert.equal(r.points, points);
      assert.equal(r.classified, classified);
    });
  }

  it('C1 counts the mucocutaneous domain once, at its highest criterion', () => {
    const r = classifyEularAcr2019('positive', ['non-scarring-alopecia', 'oral-ulcers', 'acute-cutaneous-lupus']);
    assert.deepEqual(r.domains, [{ domain: 'mucocutaneous', criterion: 'acute-cutaneous-lupus', points: 6 }]);
  });

  it('an unknown ANA is no entry criterion', () => {
    const r = classifyEularAcr2019('unknown', ['joint-involvement', 'anti-dsdna-or-anti-smith']);
    assert.equal(r.entry, false);
    assert.equal(r.classified, false);
    assert.equal(r.points, 12);
  });
});

describe('2019 EULAR/ACR properties', () => {
  const anyInput = fc.tuple(fc.constantFrom<AnaStatus>('positive', 'negative', 'unknown'), fc.subarray(eularAcrCriterionCodes));

  it('counts only the highest criterion of each domain', () => {
    fc.assert(
      fc.property(anyInput, ([ana, criteria]) => {
        const r = classifyEularAcr2019(ana, criteria);
        const expected = new Map<string, number>();
        for (const c of criteria) {
          const [domain, weight] = eularAcrCriteria[c];
          expected.set(domain, Math.max(expected.get(domain) ?? 0, weight));
        }
        assert.equal(r.points, [...expected.values()].reduce((a, b) => a + b, 0));
        assert.equal(new Set(r.domains.map((d) => d.domain)).size, r.domains.length);
      }),
    );
  });

  it('never classifies without the entry criterion or without a clinical criterion', () => {
    fc.assert(
      fc.property(anyInput, ([ana, criteria]) => {
        const r = classifyEularAcr2019(ana, criteria);
        if (r.classified) {
          assert.equal(ana, 'positive');
          assert.ok(criteria.some((c) => !immunologicDomains.includes(eularAcrCriteria[c][0])));
          assert.ok(r.points >= 10);
        }
      }),
    );
  });
});

describe('2019 EULAR/ACR input', () => {
  it('rejects an unknown criterion and an ANA outside the choices', () => {
    const r = parseInput(EularAcrInput, { ana: 'maybe', criteria: ['fever', 'malar-rash'] });
    assert.equal(r.ok, false);
    const paths = !r.ok ? r.issues.map((i) => i.path.join('.')) : [];
    assert.deepEqual(paths.sort(), ['ana', 'criteria.1']);
  });
});
