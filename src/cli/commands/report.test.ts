import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { siteDate } from '../../store/trial/index.ts';
import { checkPdf } from '../../reports/packet/pdf/test-support.ts';
import { runProgram } from '../test-support.ts';
import { registerReportCommands } from './report.ts';
import { registerTrialCommands } from './trial.ts';

const run = (argv: string[], options: { env?: NodeJS.ProcessEnv; language?: 'en' | 'zh-CN' } = {}) => runProgram([registerTrialCommands, registerReportCommands], argv, options);

describe('firstdose report src (the demo trial, PGlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstdose-cli-report-'));
  const data = join(dir, 'data');
  const today = siteDate(new Date());
  after(() => rmSync(dir, { recursive: true, force: true }));
  before(async () => {
    const demo = await run(['demo', '--data', data]);
    assert.equal(demo.code, 0, demo.stderr);
  });

  for (const [language, heading, header] of [
    ['en', 'Safety Review Committee packet', `hn2301 · protocol version 1 · data as of ${today}`],
    ['zh-CN', '安全审查委员会资料包', `hn2301 · 方案版本 1 · 数据截至 ${today}`],
  ] as const)
    it(`writes the packet as a PDF that renders to non-blank pages (${language})`, async () => {
      const out = join(dir, `src-${language}.pdf`);
      const svgDir = join(dir, `svg-${language}`);
      const r = await run(['report', 'src', '--out', out, '--data', data, '--svg-dir', svgDir, '--json'], { language });
      assert.equal(r.code, 0, r.stderr);
      const summary = r.json() as { pages: number; study: string; version: string; asOf: string; language: string };
      assert.deepEqual([summary.study, summary.version, summary.asOf, summary.language], ['hn2301', '1', today, language]);
      const c = checkPdf(readFileSync(out));
      assert.equal(c.pageCount, summary.pages);
      assert.ok(summary.pages >= 6, `${summary.pages} pages`);
      for (const [i, page] of c.pages.entries()) assert.ok(page.ink > 0.005, `page ${i + 1} is blank`);
      assert.ok(c.text.includes(heading));
      // The demo: three subjects at DL1, the CRS and the neutropenia, 005 at DL2, the SRC chair.
      for (const text of [header.replace('hn2301', 'HN2301'), 'Cytokine release', 'Neutrophil count', 'Zhou Min (SRC chair)', '005']) assert.ok(c.text.includes(text), `"${text}" not in the ${language} packet`);
      assert.deepEqual(readdirSync(svgDir).sort(), ['b-cells.svg', 'consort.svg', 'escalation-path.svg', 'lab-trends.svg', 'spider.svg', 'swimmer.svg']);
    });

  it('says in one line what is wrong: not a .pdf (exit 2), no such directory (exit 2), no CJK font (exit 1)', async () => {
    const txt = await run(['report', 'src', '--out', join(dir, 'x.txt'), '--data', data]);
    assert.deepEqual([txt.code, txt.stderr], [2, `--out: '${join(dir, 'x.txt')}' must be a .pdf file`]);
    const nowhere = await run(['report', 'src', '--out', join(dir, 'missing', 'x.pdf'), '--data', data]);
    assert.deepEqual([nowhere.code, nowhere.stderr], [2, `--out: the directory ${join(dir, 'missing')} does not exist`]);
    const font = await run(['report', 'src', '--out', join(dir, 'x.pdf'), '--data', data], { env: { FIRSTDOSE_CJK_FONT: '/nonexistent/font.ttc' } });
    assert.equal(font.code, 1);
    assert.match(font.stderr, /^the CJK font is not installed: \/nonexistent\/font\.ttc/);
    assert.equal(existsSync(join(dir, 'x.pdf')), false);
  });
});
