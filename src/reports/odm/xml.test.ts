import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { el, escapeAttribute, xmlDocument } from './xml.ts';

describe('xml writer', () => {
  it('writes what an independent parser reads back as written', () => {
    const awkward = 'a & b < c > "d" \'e\'\nline two\ttab 中文 😀';
    const doc = xmlDocument(el('Root', { A: awkward, Skip: undefined }, el('Child', {}, awkward), el('Empty')));
    assert.equal(XMLValidator.validate(doc), true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, processEntities: true, htmlEntities: true }).parse(doc);
    assert.equal(parsed.Root['@A'], awkward);
    assert.equal(parsed.Root.Child, awkward);
    assert.ok(!doc.includes('Skip'));
  });

  it('replaces characters XML 1.0 cannot carry', () => {
    assert.equal(escapeAttribute('a\u0001b\uD800c'), 'a\uFFFDb\uFFFDc');
  });
});
