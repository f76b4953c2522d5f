// The browser tests' fixture: the built app (built here when src/web is newer than dist/web),
// the real server in this process on a random port over an in-memory PGlite with the demo trial,
// a clock the test can move (the server's, and the page's to match), and one Debian chromium.
// Screenshots go to test-artifacts/web/ (gitignored), named by the test.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { addDays } from '../../domain/conduct/index.ts';
import type { Protocol } from '../../domain/protocol/index.ts';
import { loadProtocol } from '../../protocols/load.ts';
import { buildServer } from '../../server/app.ts';
import type { Db } from '../../store/index.ts';
import { freshDb } from '../../store/test-support.ts';
import { loadDemo, siteDate } from '../../store/trial/index.ts';

export const chromiumPath = process.env.FIRSTDOSE_CHROMIUM ?? '/usr/bin/chromium';
/** Why the browser tests are skipped, or false: CI installs chromium, so a skip says how. */
export const skipBrowser = existsSync(chromiumPath) ? false : `no browser at ${chromiumPath}: apt-get install -y chromium fonts-noto-cjk (or set FIRSTDOSE_CHROMIUM)`;

const repo = new URL('../../../', import.meta.url).pathname;
export const webRoot = join(repo, 'dist/web');
export const artifacts = join(repo, 'test-artifacts/web');

function newest(dir: string): number {
  let t = 0;
  for (const f of readdirSync(dir, { recursive: true }).map(String)) {
    if (f.includes('e2e') || f.endsWith('.test.ts')) continue;
    t = Math.max(t, statSync(join(dir, f)).mtimeMs);
  }
  return t;
}

let built: Promise<void> | undefined;

/** `npm test` builds first (pretest); a filtered run straight through node:test may not have. */
export function ensureBuilt(): Promise<void> {
  built ??= (async () => {
    const index = join(webRoot, 'index.html');
    const stale = !existsSync(index) || statSync(index).mtimeMs < Math.max(newest(join(repo, 'src/web')), newest(join(repo, 'src/i18n')));
    if (!stale) return;
    const { build } = await import('vite');
    await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'warn' });
  })();
  return built;
}

export interface TrialServer {
  readonly url: string;
  readonly db: Db;
  readonly protocol: Protocol;
  /** The site date the demo was laid out from (the real today). */
  readonly today: string;
  /** The server's clock now. */
  now(): Date;
  /** Moves the server's clock to noon at the site on `today + days`. */
  moveTo(days: number): Date;
  close(): Promise<void>;
}

export const demoPassword = 'firstdose-demo-2026';

export async function startServer(): Promise<TrialServer> {
  const loaded = loadProtocol('hn2301');
  if (!loaded.ok) throw new Error('the hn2301 protocol does not load');
  const protocol = loaded.value;
  const db = await freshDb('pglite');
  let now = new Date();
  const today = siteDate(now);
  let app: FastifyInstance | undefined;
  try {
    await loadDemo(db, protocol, today);
    app = await buildServer({ db, protocol, webRoot, clock: () => now });
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app?.close();
    await db.close();
    throw error;
  }
  const server = app;
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    protocol,
    today,
    now: () => now,
    moveTo(days) {
      now = new Date(`${addDays(today, days)}T12:00:00+08:00`);
      return now;
    },
    async close() {
      await server.close();
      await db.close();
    },
  };
}

export const browserArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: browserArgs });
}

/** A fresh context (no cookies, no stored language) at 1280×800, the size the app must hold at. */
export async function newPage(browser: Browser, server: TrialServer): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: server.url, locale: 'en-GB', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  // The page's "today" (default dates in forms) follows the server's clock.
  await page.clock.setFixedTime(server.now());
  page.setDefaultTimeout(Number(process.env.FIRSTDOSE_E2E_TIMEOUT ?? 15_000));
  return { context, page };
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Nothing on the page is wider than the window: the layout holds at 1280 px. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Inputs without an accessible name (a <label>, aria-label or aria-labelledby): every input must have one. */
export async function unlabelledInputs(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => (el as HTMLInputElement).type !== 'hidden')
      .filter((el) => !((el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** Checks a screen holds at 1280 px and labels every input. */
export async function checkScreen(page: Page): Promise<void> {
  const overflow = await horizontalOverflow(page);
  if (overflow > 0) throw new Error(`the page is ${overflow}px wider than the window`);
  const unlabelled = await unlabelledInputs(page);
  if (unlabelled.length > 0) throw new Error(`inputs without a label: ${unlabelled.join(' | ')}`);
}

/** A test step that leaves a screenshot of the page behind when it fails. */
export function onFailureShoot(page: () => Page | undefined, name: string, fn: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await fn();
    } catch (error) {
      const p = page();
      if (p) await shot(p, `failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => undefined);
      throw error;
    }
  };
}

export async function logIn(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/^(User name|用户名)$/).fill(username);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole('button', { name: /^(Log in|登录)$/ }).click();
  await page.getByRole('navigation').waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Log out|退出登录)$/ }).click();
  await page.getByLabel(/^(User name|用户名)$/).waitFor();
}
