import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packetFixture } from '../test-fixture.ts';
import { FontMissing, packetFonts } from './font.ts';
import { packetPdf } from './packet-pdf.ts';
import { checkPdf } from './test-support.ts';

describe('packet PDF', () => {
  for (const [language, expected] of [
    ['en', ['Safety Review Committee packet', 'HN2301 · protocol version 1 · data as of 2026-11-30', 'Page 1 of ', '3. Dose-limiting toxicities', 'Operating characteristics', 'Zhou Min']],
    ['zh-CN', ['安全审查委员会资料包', 'HN2301 · 方案版本 1 · 数据截至 2026-11-30', '第 1 页，共 ', '3. 剂量限制性毒性（DLT）', '设计的操作特性', '王芳', '免疫效应细胞']],
  ] as const) {
    it(`renders to non-blank pages with the study, version, date and page number on each (${language})`, async () => {
      const pdf = await packetPdf(packetFixture, language);
      assert.equal(Buffer.from(pdf.bytes.subarray(0, 5)).toString(), '%PDF-');
      const c = checkPdf(pdf.bytes);
      assert.equal(c.pageCount, pdf.pages);
      assert.equal(c.pages.length, pdf.pages);
      // Cover, cohorts and flow, safety, swimmer, labs, efficacy, path and design, signatures.
      assert.ok(pdf.pages >= 7, `${pdf.pages} pages`);
      for (const [i, page] of c.pages.entries()) {
        assert.ok(page.width > page.height * 0.6 && page.width < page.height * 0.8, `page ${i + 1} is A4 portrait`);
        assert.ok(page.ink > 0.005, `page ${i + 1} is blank (ink ${page.ink})`);
      }
      for (const text of expected) assert.ok(c.text.includes(text), `${language}: "${text}" not in the text`);
      const pages = c.text.split('\f').filter((p) => p.trim() !== '');
      const header = expected[1];
      assert.equal(pages.filter((p) => p.includes(header)).length, pdf.pages, 'the running header on every page');
      assert.match(c.fonts, /NotoSansCJKsc-Regular/);
      assert.match(c.fonts, /NotoSansCJKsc-Bold/);
      assert.doesNotMatch(c.fonts, /Helvetica/, 'no text falls back to a standard font without CJK glyphs');
    });
  }

  it('names the missing font rather than downloading one', () => {
    assert.throws(() => packetFonts({ FIRSTDOSE_CJK_FONT: '/nonexistent/NotoSansCJK-Regular.ttc' }), (e) => e instanceof FontMissing && e.path === '/nonexistent/NotoSansCJK-Regular.ttc');
  });
});
