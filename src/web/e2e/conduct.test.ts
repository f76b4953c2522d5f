// The trial's next steps in the browser, as the issue asks (issue 6, Tests): a coordinator logs in
// and screens a patient from a bundle, the investigator confirms eligibility, the patient is
// enrolled and dosed, an adverse event is recorded and its DLT call signed, and once the cohort's
// DLT windows are over the safety committee decides and signs; then the app is read in Chinese.
// One server (the demo trial, real store, moved clock) and one chromium for the whole file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays } from '../../domain/conduct/index.ts';
import { eligibleBundle } from '../../store/trial/test-support.ts';
import { checkScreen, ensureBuilt, launchBrowser, logIn, logOut, newPage, onFailureShoot, shot, skipBrowser, startServer, type TrialServer } from './harness.ts';

const example = readFileSync(new URL('../../../examples/eligible.json', import.meta.url));

describe('browser: the next steps of the demo trial', { skip: skipBrowser }, () => {
  let server: TrialServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ context, page } = await newPage(browser, server));
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const step = (name: string, fn: () => Promise<void>) => it(name, onFailureShoot(() => page, name, fn));

  /** Moves the server's clock and the page's together (the session ends with a long jump: log in again). */
  async function dayOffset(days: number) {
    await page.clock.setFixedTime(server.moveTo(days));
  }

  step('logs a coordinator in with the keyboard alone and shows the dashboard', async () => {
    await page.goto('/');
    await page.getByLabel('User name').focus();
    await page.keyboard.type('crc.li');
    await page.keyboard.press('Tab');
    await page.keyboard.type('firstdose-demo-2026');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Dashboard/ }).waitFor();
    await page.getByRole('heading', { name: 'Next escalation decision' }).waitFor();
    // The first Tab reaches the skip link, and it takes the keyboard past the navigation.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await checkScreen(page);
    await shot(page, 'conduct-01-dashboard');
  });

  step('screens the example bundle live, then a new patient, and registers subject 007', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
    await page.getByLabel('Screening date').fill('2026-01-15');
    await page.getByLabel('FHIR bundle (hospital export)').setInputFiles({ name: 'eligible.json', mimeType: 'application/json', buffer: example });
    const checklist = page.getByRole('region', { name: 'Eligibility checklist' });
    await checklist.getByText('15 met, 0 not met, 0 unknown (as of 2026-01-15)').waitFor();
    await checklist.getByText('Eligible', { exact: true }).waitFor();
    await shot(page, 'conduct-02-screening-example');

    // Typed data changes the checklist as it is typed: a birth date that makes her 17.
    await page.getByText('Enter or correct data by hand').click();
    await page.getByLabel('Date of birth').fill('2009-01-16');
    await checklist.locator('[data-criterion="age"]').getByText('not met').waitFor();
    await checklist.getByText('Not eligible', { exact: true }).waitFor();
    await page.getByLabel('Date of birth').fill('');
    await checklist.getByText('Eligible', { exact: true }).waitFor();

    // Today's patient: a synthetic export that screens eligible today.
    await page.getByLabel('Screening date').fill(server.today);
    await page.getByLabel('FHIR bundle (hospital export)').setInputFiles({ name: 'his-export-007.json', mimeType: 'application/json', buffer: Buffer.from(eligibleBundle(server.today)) });
    await checklist.getByText(`as of ${server.today}`, { exact: false }).waitFor();
    await checklist.getByText('Eligible', { exact: true }).waitFor();
    await page.getByLabel('Screening number').fill('007');
    await page.getByRole('button', { name: 'Screen and save' }).click();
    await page.getByText('Subject 007 screened and saved:').waitFor();
    await checkScreen(page);
    await shot(page, 'conduct-03-screened');
  });

  step('has the investigator confirm eligibility with a signature, and enrols 007', async () => {
    await logOut(page);
    await logIn(page, 'pi.zhang');
    await page.getByRole('navigation').getByRole('link', { name: 'Subjects' }).click();
    await page.getByRole('link', { name: '007', exact: true }).click();
    await page.getByRole('heading', { name: 'Subject 007' }).waitFor();
    const confirm = page.getByRole('form', { name: /Signature: Eligibility confirmed/i });
    await confirm.getByLabel('Password (to sign)').fill('firstdose-demo-2026');
    await confirm.getByRole('button', { name: 'Sign' }).click();
    await page.getByText(/Eligibility confirmed by Zhang Wei/).waitFor();
    await page.getByRole('button', { name: 'Enrol into the open dose level' }).click();
    await page.getByRole('heading', { name: 'Record a dose' }).waitFor();
    await page.locator('.facts').getByText('Enrolled').waitFor();
    await checkScreen(page);
    await shot(page, 'conduct-04-enrolled');
  });

  step('refuses a dose before the sentinel wait is over, naming the date it ends', async () => {
    await page.getByRole('button', { name: 'Record the dose' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'sentinel' });
    await refusal.getByText(addDays(server.today, 14)).waitFor();
    await shot(page, 'conduct-05-sentinel-refusal');
  });

  step('doses 006 and 007 once the sentinel wait is over', async () => {
    await dayOffset(14);
    await logIn(page, 'crc.li');
    for (const number of ['006', '007']) {
      await page.getByRole('navigation').getByRole('link', { name: 'Subjects' }).click();
      await page.getByRole('link', { name: number, exact: true }).click();
      await page.getByRole('heading', { name: `Subject ${number}` }).waitFor();
      await page.getByLabel('Date', { exact: true }).first().fill(addDays(server.today, 14));
      await page.getByRole('button', { name: 'Record the dose' }).click();
      await page.getByText('Dose recorded; the visit schedule starts from it.').waitFor();
    }
    await page.getByRole('heading', { name: 'Visits' }).waitFor();
    await shot(page, 'conduct-06-dosed');
  });

  step('records a CRS graded from its findings, and the investigator signs the DLT call', async () => {
    await page.getByRole('link', { name: 'Record an adverse event' }).click();
    await page.getByLabel('Term').fill('Cytokine release syndrome');
    await page.getByLabel('Onset').fill(addDays(server.today, 15));
    await page.getByLabel('Highest temperature (°C)').fill('38.9');
    await page.getByLabel('Oxygen', { exact: true }).selectOption('low-flow');
    await page.locator('.auto-grade .badge').getByText('grade 2', { exact: true }).waitFor();
    await checkScreen(page);
    await page.getByLabel('Resolved on').fill(addDays(server.today, 17));
    await page.getByLabel('Relation to HN2301').selectOption('probable');
    await shot(page, 'conduct-07-adverse-event');
    await page.getByRole('button', { name: 'Save the adverse event' }).click();
    await page.getByText('Saved: Cytokine release syndrome, grade 2.').waitFor();
    // A coordinator records; the DLT call is the investigator's.
    await logOut(page);
    await logIn(page, 'pi.zhang');
    await page.getByRole('navigation').getByRole('link', { name: 'Subjects' }).click();
    await page.getByRole('link', { name: '007', exact: true }).click();
    await page.getByText('DLT assessment of Cytokine release syndrome').click();
    const call = page.getByRole('form', { name: /DLT adjudicated/i });
    await call.getByLabel('Not a DLT').check();
    await call.getByLabel('Reason for the call').fill('Grade 2 CRS resolved in 2 days with supportive care: not a DLT by the protocol');
    await call.getByLabel('Password (to sign)').fill('firstdose-demo-2026');
    await call.getByRole('button', { name: 'Sign the DLT call' }).click();
    await page.getByText('Investigator’s signed call:').waitFor();
    await shot(page, 'conduct-08-dlt-call');
  });

  step('lets the safety committee decide once every DLT window is over, and sign', async () => {
    await dayOffset(14 + 29);
    await logIn(page, 'src.zhou');
    await page.getByRole('navigation').getByRole('link', { name: 'Escalation' }).click();
    const rec = page.getByRole('region', { name: 'The design recommends' });
    await rec.getByText('next cohort at dose level 3').waitFor();
    await page.getByRole('region', { name: 'Where the trial stands' }).getByText(/awaits the safety committee's decision/).waitFor();
    await checkScreen(page);
    await shot(page, 'conduct-09-escalation-board');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText(/Decision on cohort 2 recorded/).waitFor();
    const sign = page.getByRole('form', { name: /escalation decision approved/i });
    await sign.getByLabel('Password (to sign)').fill('firstdose-demo-2026');
    await sign.getByRole('button', { name: 'Sign' }).click();
    await page.getByText('The decision on cohort 2 is signed and in effect').waitFor();
    await page.getByText('Cohort 3 at dose level 3.').waitFor();
    await shot(page, 'conduct-10-signed');
  });

  step('switches to Chinese, remembers it, and the layout holds', async () => {
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '剂量递增决策' }).waitFor();
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: '概览' }).click();
    await page.getByRole('heading', { name: /概览/ }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await checkScreen(page);
    await shot(page, 'conduct-11-dashboard-zh');
  });
});
