// Every other screen of the web app in the browser, on the demo trial as loaded: the public study
// page and its self-check (both answers, a contact request with consent, in Chinese), a subject's
// timeline and charts, the audit trail of a record, a query raised, answered and closed, the
// statistician's design comparison, the account page, what a sponsor viewer sees, and the
// committee's board while a cohort fills. One server and one chromium for the file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkScreen, ensureBuilt, launchBrowser, logIn, logOut, newPage, onFailureShoot, shot, skipBrowser, startServer, type TrialServer } from './harness.ts';

describe('browser: every screen on the demo trial', { skip: skipBrowser }, () => {
  let server: TrialServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const step = (name: string, fn: () => Promise<void>) => it(name, onFailureShoot(() => page, name, fn));

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

  step('shows the public study page without login, with the self-check and a contact request', async () => {
    await page.goto('/study/hn2301');
    await page.getByRole('heading', { level: 1, name: /HN2301 in Patients with Relapsing and Refractory/ }).waitFor();
    await page.getByText('recruiting', { exact: true }).waitFor();
    await page.getByText('Aged 18 to 69 years inclusive on the screening date.').waitFor();
    const check = page.getByRole('form', { name: 'Could this study be for me?' });
    await check.getByLabel('Your age (years)').fill('75');
    await check.getByLabel('Sex').selectOption('female');
    await check.getByLabel(/Has a doctor diagnosed you/).selectOption('yes');
    await check.getByRole('button', { name: 'Check' }).click();
    const result = page.locator('.self-check-result');
    await result.getByText('Not eligible', { exact: true }).waitFor();
    await result.getByText('Aged 18 to 69 years inclusive on the screening date.').waitFor();
    assert.equal(await page.getByRole('form', { name: 'Ask the study team to contact you' }).count(), 0);
    await shot(page, 'screens-01-public-not-eligible');

    await check.getByLabel('Your age (years)').fill('34');
    await check.getByLabel('How many months ago?').fill('30');
    await check.getByLabel(/Prednisone/).fill('10');
    await check.getByRole('group', { name: 'Lupus medicines you take now' }).getByLabel('Hydroxychloroquine').check();
    await check.getByRole('group', { name: 'Lupus medicines you take now' }).getByLabel('Mycophenolate').check();
    await check.getByRole('group', { name: 'Lupus medicines you took before and stopped' }).getByLabel('Cyclophosphamide').check();
    await check.getByLabel('Are you pregnant?').selectOption('no');
    await check.getByLabel('Are you breastfeeding?').selectOption('no');
    await check.getByLabel(/contraception/).selectOption('yes');
    await check.getByRole('button', { name: 'Check' }).click();
    await result.getByText('You may be eligible', { exact: true }).waitFor();
    const contact = page.getByRole('form', { name: 'Ask the study team to contact you' });
    await contact.getByLabel('Your name').fill('Wang Xiaomei');
    await contact.getByLabel('Telephone number').fill('+86 551 0000 0000');
    // Nothing is sent without consent: the button waits for the box.
    assert.equal(await contact.getByRole('button', { name: 'Send my request' }).isDisabled(), true);
    await contact.getByLabel(/I agree that the study team stores/).check();
    await contact.getByRole('button', { name: 'Send my request' }).click();
    await page.getByText('Thank you. The study team will contact you.').waitFor();
    await checkScreen(page);
    await shot(page, 'screens-02-public-may-be-eligible');

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: /评估 HN2301/ }).waitFor();
    await page.getByRole('heading', { name: '这项研究适合我吗？' }).waitFor();
    await shot(page, 'screens-03-public-zh');
    await page.getByRole('button', { name: 'English' }).click();
  });

  step('shows the site the patient who asked to be contacted', async () => {
    await logIn(page, 'crc.li');
    await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
    await page.getByRole('button', { name: 'Show the requests' }).click();
    await page.getByRole('table', { name: 'Patients who asked to be contacted' }).getByRole('rowheader', { name: 'Wang Xiaomei' }).waitFor();
    await checkScreen(page);
  });

  step("shows a subject's timeline, charts and visits, and records a B-cell count", async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Subjects' }).click();
    await page.getByRole('link', { name: '001', exact: true }).click();
    await page.getByRole('heading', { name: 'Subject 001' }).waitFor();
    const sledai = page.getByRole('figure').filter({ hasText: 'SLEDAI-2K over time' });
    assert.equal(await sledai.locator('circle').count() >= 2, true, 'baseline and month 3');
    await page.getByRole('img', { name: /Doses, visits, adverse events/ }).waitFor();
    await page.getByRole('table', { name: 'Responses per visit (against baseline)' }).getByRole('rowheader', { name: 'm3' }).waitFor();
    await page.getByRole('table').filter({ hasText: 'Window' }).getByText('Month 3').or(page.getByRole('table').filter({ hasText: 'Window' }).getByText('m3')).first().waitFor();
    const measure = page.getByRole('form', { name: 'Record a measurement' });
    await measure.getByLabel(/^Value/).fill('0');
    await measure.getByRole('button', { name: 'Save the measurement' }).click();
    await page.getByText('Measurement saved.').waitFor();
    await page.getByRole('figure').filter({ hasText: 'B cells (CD19+) over time' }).locator('circle').first().waitFor();
    await checkScreen(page);
    await shot(page, 'screens-04-subject');
  });

  step('has a monitor raise a query on an adverse event and read its audit trail', async () => {
    await logOut(page);
    await logIn(page, 'cra.wang');
    await page.getByRole('navigation').getByRole('link', { name: 'Subjects' }).click();
    await page.getByRole('link', { name: '002', exact: true }).click();
    await page.getByRole('button', { name: 'Raise a query about Cytokine release syndrome' }).click();
    const form = page.getByRole('form', { name: 'Raise a query about Cytokine release syndrome' });
    await form.getByLabel('Question').fill('Please give the tocilizumab dose and time in the source.');
    await form.getByRole('button', { name: 'Raise the query' }).click();
    await page.getByText('Query raised.').waitFor();
    await page.getByRole('link', { name: 'Audit trail of Cytokine release syndrome' }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    const trail = page.getByRole('table', { name: 'Audit trail' });
    await trail.getByRole('cell', { name: 'grade_auto', exact: true }).waitFor();
    await trail.getByRole('cell', { name: 'pi.zhang' }).first().waitFor();
    await checkScreen(page);
    await shot(page, 'screens-05-audit');
  });

  step('has the site answer the query and the monitor close it', async () => {
    await logOut(page);
    await logIn(page, 'crc.li');
    await page.getByRole('navigation').getByRole('link', { name: 'Queries' }).click();
    const query = page.locator('.query').filter({ hasText: 'tocilizumab dose' });
    await query.getByLabel('Answer', { exact: true }).fill('8 mg/kg at 14:20 on day 3; source attached.');
    await query.getByRole('button', { name: 'Send the answer' }).click();
    await page.getByLabel('Show').selectOption('answered');
    await page.locator('.query').filter({ hasText: 'tocilizumab dose' }).getByText('Answer: 8 mg/kg').waitFor();
    await logOut(page);
    await logIn(page, 'cra.wang');
    await page.getByRole('navigation').getByRole('link', { name: 'Queries' }).click();
    await page.getByLabel('Show').selectOption('answered');
    await page.locator('.query').filter({ hasText: 'tocilizumab dose' }).getByRole('button', { name: 'Close the query' }).click();
    await page.getByLabel('Show').selectOption('closed');
    await page.locator('.query').filter({ hasText: 'tocilizumab dose' }).getByText('closed', { exact: true }).waitFor();
    await shot(page, 'screens-06-queries');
  });

  step('compares designs by exact operating characteristics on the workbench', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Designs' }).click();
    await page.getByRole('heading', { name: 'Design workbench' }).waitFor();
    await page.getByLabel('True DLT rate per dose level').fill('0.05, 0.3, 0.5');
    await page.getByRole('button', { name: 'Compare' }).click();
    const table = page.getByRole('table', { name: /Operating characteristics/ });
    await table.getByRole('rowheader', { name: 'BOIN' }).waitFor();
    await table.getByRole('rowheader', { name: '3+3/b' }).waitFor();
    await page.getByRole('figure').filter({ hasText: 'Selected as MTD' }).locator('rect').first().waitFor();
    await checkScreen(page);
    await shot(page, 'screens-07-workbench');
  });

  step('lets a user change their password on the account page, and shows a sponsor viewer pseudonyms only', async () => {
    await logOut(page);
    await logIn(page, 'dm.chen');
    await page.getByRole('link', { name: 'Chen Jie (DM)' }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    const form = page.getByRole('form', { name: 'Change your password' });
    await form.getByLabel('Current password').fill('firstdose-demo-2026');
    await form.getByLabel('New password', { exact: true }).fill('lupus-trial-hefei-2027');
    await form.getByLabel('New password again').fill('lupus-trial-hefei-2027');
    await form.getByRole('button', { name: 'Change the password' }).click();
    await page.getByText('Password changed. Use the new one from now on.').waitFor();
    await checkScreen(page);
    await shot(page, 'screens-08-account');
    await logOut(page);
    await logIn(page, 'dm.chen', 'lupus-trial-hefei-2027');
    await logOut(page);

    await logIn(page, 'sponsor.liu');
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).count(), 0);
    await page.getByRole('navigation').getByRole('link', { name: 'Subjects' }).click();
    await page.getByRole('table', { name: 'Subjects' }).getByRole('row').nth(1).waitFor();
    assert.equal(await page.getByRole('link', { name: '001', exact: true }).count(), 0, 'no screening numbers for the sponsor');
    await shot(page, 'screens-09-sponsor-subjects');
  });

  step('shows the escalation board and the dashboard to the committee, in Chinese too', async () => {
    await logOut(page);
    await logIn(page, 'src.zhou');
    await page.getByRole('navigation').getByRole('link', { name: 'Escalation' }).click();
    // Cohort 2 has its sentinel dosed only: the design says complete the cohort at level 2.
    await page.getByRole('region', { name: 'The design recommends' }).getByText('next cohort at dose level 2').waitFor();
    await page.getByRole('region', { name: 'Where the trial stands' }).getByText(/has 1 of 3 subjects dosed/).waitFor();
    // Not ready: no decision form to be refused.
    assert.equal(await page.getByRole('button', { name: 'Record the decision' }).count(), 0);
    await shot(page, 'screens-10-escalation-wait');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '概览' }).click();
    await page.getByRole('heading', { name: '下一次剂量递增决策' }).waitFor();
    await checkScreen(page);
    await shot(page, 'screens-11-dashboard-zh');
  });
});
