// Stored XSS in the browser, under the server's Content-Security-Policy: a subject whose
// screening number and a query whose text are markup with script (`<img src=x onerror=…>`,
// `<script>`) are shown by the app as the text typed, and nothing runs: no script sets its
// marker, no dialog opens, no such element is in the page. The app itself causes no CSP
// violation on the screens visited, so the strict policy and the built app agree.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appPolicy } from '../../server/security/index.ts';
import { addSubject, raiseQuery } from '../../store/trial/index.ts';
import { ensureBuilt, launchBrowser, logIn, logOut, newPage, onFailureShoot, shot, skipBrowser, startServer, type TrialServer } from './harness.ts';

const screeningNumber = '<img src=x onerror=window.__x=1>';
const queryText = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script> source?';

describe('browser: stored XSS is shown as text and runs nothing', { skip: skipBrowser }, () => {
  let server: TrialServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const violations: string[] = [];
  const step = (name: string, fn: () => Promise<void>) => it(name, onFailureShoot(() => page, name, fn));

  before(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ context, page } = await newPage(browser, server));
    // Every CSP violation the page meets, in every document it loads, and the browser's own report of them.
    await page.exposeFunction('reportCspViolation', (v: string) => void violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`));
    });
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) violations.push(m.text());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const [study] = await server.db.query<{ id: string }>('SELECT id FROM study LIMIT 1');
    const [site] = await server.db.query<{ id: string }>('SELECT id FROM site WHERE study_id = $1 ORDER BY code LIMIT 1', [study!.id]);
    const subject = await addSubject(server.db, { user: 'crc.li' }, { studyId: study!.id, siteId: site!.id, screeningNumber });
    await raiseQuery(server.db, { user: 'cra.wang' }, { studyId: study!.id, subjectId: subject.id, tableName: 'subject', rowId: subject.id, text: queryText });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const ran = () => page.evaluate(() => ({ x: (window as unknown as { __x?: unknown }).__x ?? null, xss: (window as unknown as { __xss?: unknown }).__xss ?? null, images: document.querySelectorAll('img[src="x"]').length, scripts: [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length }));

  step('serves the app under the strict Content-Security-Policy', async () => {
    const response = await page.goto('/');
    assert.equal(response?.headers()['content-security-policy'], appPolicy);
  });

  step('shows a query whose text is markup as that text, and nothing runs', async () => {
    await logIn(page, 'cra.wang');
    await page.getByRole('navigation').getByRole('link', { name: 'Queries' }).click();
    const query = page.locator('.query').filter({ hasText: queryText });
    await query.waitFor();
    assert.ok((await query.textContent())!.includes(queryText), 'the text as typed');
    assert.deepEqual(await ran(), { x: null, xss: null, images: 0, scripts: 0 });
    await shot(page, 'xss-01-query');
  });

  step('shows a subject whose screening number is markup as that number, and nothing runs', async () => {
    await logOut(page);
    await logIn(page, 'crc.li');
    await page.getByRole('navigation').getByRole('link', { name: 'Subjects' }).click();
    await page.getByRole('link', { name: screeningNumber, exact: true }).click();
    await page.getByRole('heading', { name: `Subject ${screeningNumber}` }).waitFor();
    assert.deepEqual(await ran(), { x: null, xss: null, images: 0, scripts: 0 });
    await shot(page, 'xss-02-subject');
  });

  step('opened no dialog and met no Content-Security-Policy violation on any screen', async () => {
    assert.deepEqual(dialogs, []);
    assert.deepEqual(violations, []);
  });
});
