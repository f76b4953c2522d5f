import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { syntheticBundle } from '../synth/index.ts';
import { agrees } from './extract-support.ts';
import { templateReads } from './extract-template.ts';

// Lab results of every test the generator writes: SpO2 with and without components, coded results,
// ratios and texts among them.
const results = ['sle', 'non-sle']
  .flatMap((kind, k) => syntheticBundle(2301 + k, kind as 'sle', '2026-12-01').entry.map((e) => e.resource as Record<string, unknown>))
  .filter((r) => r['resourceType'] === 'Observation');
// An ANA titre written as a quantity: its number decides the value's kind (titer, or unusable at 0).
const ana = results.find((r) => r['valueRatio'] !== undefined)!;
const { valueRatio: _, ...rest } = ana;
results.push({ ...rest, valueQuantity: { value: 320, unit: '{titer}', system: 'http://unitsofmeasure.org', code: '{titer}' } });

/** A JSON string's text as a feed may write it: plain, escaped, or with anything inside. */
const stringText = fc.oneof(
  fc.constantFrom('"Patient/P1"', '"Patient/P2"', '"urn:uuid:0b7e4d52-2c7a-4f0e-9f3a-3a1c2b9d8e71"', '"Group/g"', '"Patient/P1/_history/2"', '"Patient/\\u0050"', '"Patient/患者"', '""'),
  fc.constantFrom('"2026-11-30"', '"2026-11-30T08:00:00+08:00"', '"2026-02-30"', '"2026-11"', '"2026-11-30T25:00"', '"2026-11-3\\u0030"', '"2O26-11-30"'),
  fc.constantFrom('"1"', '"obs-7"', '""', '"a\\"b"', '"é"', '"x\\ny"'),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
);
/** A JSON number's text, and texts that are not JSON numbers. */
const numberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map(String),
  fc.constantFrom('1e2', '1E+2', '-0', '0.10', '1e400', '-1e400', '00', '.5', '-', '5.', '1e', '0x1', 'NaN', 'Infinity', '"5"', 'true', 'null'),
);

/** A result's text with its id, reference, date or number written otherwise (as bytes, not as a value). */
function variant(text: string, r: Record<string, unknown>, change: { id: string; reference: string; date: string; value: string; which: number }): string {
  const q = r['valueQuantity'] as { value: number } | undefined;
  const subject = r['subject'] as { reference: string };
  let out = text;
  if (change.which & 1) out = out.replace(`"id":${JSON.stringify(r['id'])}`, `"id":${change.id}`);
  if (change.which & 2) out = out.replace(`"reference":${JSON.stringify(subject.reference)}`, `"reference":${change.reference}`);
  if (change.which & 4) out = out.replace(`"effectiveDateTime":${JSON.stringify(r['effectiveDateTime'])}`, `"effectiveDateTime":${change.date}`);
  if (change.which & 8 && q) out = out.replace(`"valueQuantity":{"value":${JSON.stringify(q.value)}`, `"valueQuantity":{"value":${change.value}`);
  return out;
}

describe('lab results read by a template', () => {
  it('are read as the general path reads them, whatever the values written in a template line’s places', () => {
    for (const key of ['component', 'valueCodeableConcept', 'valueRatio', 'valueString']) assert.ok(results.some((r) => r[key] !== undefined), key);
    const before = templateReads;
    fc.assert(
      fc.property(fc.constantFrom(...results), stringText, stringText, stringText, numberText, fc.nat({ max: 15 }), (r, id, reference, date, value, which) => {
        const text = JSON.stringify(r);
        assert.equal(agrees(text), true, text);
        agrees(variant(text, r, { id, reference, date, value, which }));
      }),
      { numRuns: 3000 },
    );
    // Guards the generator: the template path itself was taken, on lines unchanged and changed alike.
    assert.ok(templateReads - before > 3000, `read by a template: ${templateReads - before}`);
  });

  it('are read as the general path reads them where a byte outside the values is changed', () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 2 }), insert: fc.constantFrom('', ' ', '"', '}', ',', '0', 'x', '\\', 'é') });
    fc.assert(
      fc.property(fc.constantFrom(...results), edit, (r, { at, cut, insert }) => {
        const text = JSON.stringify(r);
        agrees(text);
        const i = at % (text.length + 1);
        agrees(text.slice(0, i) + insert + text.slice(i + cut));
      }),
      { numRuns: 3000 },
    );
  });
});
