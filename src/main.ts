// `npm start [-- --data DIR] [-- --demo]`: the API and the web app on PORT (default 3000) and
// HOST (default 127.0.0.1), on the embedded database in DIR (./firstdose-data) or on DATABASE_URL
// when set. The first start registers the HN2301 protocol's study (or loads the demo trial) and
// creates the administrator. Ctrl-C closes the server, then the database: PGlite must be closed
// or its data directory stays locked and recent writes may be lost.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { detectLanguage, formatIssue, translator } from './i18n/index.ts';
import { loadProtocol } from './protocols/load.ts';
import { buildServer, trustProxyOf } from './server/index.ts';
import { firstStart } from './server/first-start.ts';
import { defaultDataDir, openStore, StoreError } from './store/index.ts';
import { siteDate } from './store/trial/index.ts';

const language = detectLanguage(undefined);
const t = translator(language);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: { data: { type: 'string' }, demo: { type: 'boolean', default: false }, protocol: { type: 'string', default: 'hn2301' } },
  strict: true,
});
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const idleMinutes = Number(process.env.FIRSTDOSE_IDLE_MINUTES ?? 30);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT: not a port number: ${process.env.PORT}`);
if (!(idleMinutes > 0)) fail(`FIRSTDOSE_IDLE_MINUTES: must be a number of minutes above 0, got ${process.env.FIRSTDOSE_IDLE_MINUTES}`);

const loaded = loadProtocol(values.protocol!);
if (!loaded.ok) fail(loaded.issues.map((i) => formatIssue(i, language)).join('\n'));
const protocol = loaded.value;

const storeText = (error: unknown) =>
  error instanceof StoreError ? t(`store.error.${error.code}`, { table: '–', id: '–', ...(error.params as Record<string, unknown>) }) : String((error as Error)?.message ?? error);

const db = await openStore({ dataDir: values.data ?? defaultDataDir, databaseUrl: process.env.DATABASE_URL || undefined }).catch((error: unknown) => fail(storeText(error)));

let closing = false;
async function shutdown(code: number): Promise<never> {
  if (!closing) {
    closing = true;
    await app?.endSessions().catch(() => {});
    await app?.close().catch(() => {});
    await db.close();
  }
  process.exit(code);
}

let app: Awaited<ReturnType<typeof buildServer>> | undefined;
try {
  const start = await firstStart(db, { protocol, demo: values.demo!, today: siteDate(new Date()), adminPassword: process.env.FIRSTDOSE_ADMIN_PASSWORD || undefined });
  if (start.created === 'demo') console.log(`Loaded the demo trial ${start.study}: its people (admin, pi.zhang, crc.li, cra.wang, dm.chen, src.zhou, sponsor.liu) share the password firstdose-demo-2026.`);
  else if (start.created === 'study') console.log(`Registered study ${start.study} from protocol ${protocol.id} version ${protocol.version}.`);
  if (start.generatedAdminPassword)
    console.log(`Created the administrator: username admin, one-time password ${start.generatedAdminPassword}\nIt is shown only now: log in and change it (or set FIRSTDOSE_ADMIN_PASSWORD before the first start).`);
  else if (start.adminCreated) console.log('Created the administrator: username admin, password from FIRSTDOSE_ADMIN_PASSWORD.');
  // Behind an HTTPS proxy, FIRSTDOSE_SECURE_COOKIES=1 keeps the session cookie off plain HTTP.
  const secureCookies = process.env.FIRSTDOSE_SECURE_COOKIES === '1';
  // Behind a proxy, FIRSTDOSE_TRUST_PROXY lets the rate limits count clients, not the proxy (docs/security.md).
  const trustProxy = trustProxyOf(process.env.FIRSTDOSE_TRUST_PROXY);
  app = await buildServer({ db, protocol, language, idleMinutes, secureCookies, trustProxy, webRoot: fileURLToPath(new URL('../dist/web/', import.meta.url)) });
  await app.listen({ port, host });
} catch (error) {
  console.error(storeText(error));
  await shutdown(1);
}

console.log(`FirstDose is running at http://${host}:${port}/ on ${db.location} (Ctrl-C to stop)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(0));
