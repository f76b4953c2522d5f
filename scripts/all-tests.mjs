// Runs every src/**/*.test.ts in one node:test process. All files are imported concurrently so
// that every test is registered before the runner starts; sequential awaits combined with
// --test-force-exit have been seen to drop most tests silently. Zero files is a failure, because
// node:test reports "0 tests" with exit code 0. The run has a temp directory of its own
// (test-temp-dir.mjs): a test that leaves a temp folder behind fails the run, naming it.
import { readdirSync } from 'node:fs';
import { after } from 'node:test';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { ownTempDir } from './test-temp-dir.mjs';

const root = join(dirname(new URL(import.meta.url).pathname), '..', 'src');
const only = process.env.FIRSTDOSE_TEST_FILTER;
const files = readdirSync(root, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.test.ts') && !f.includes('node_modules'))
  .filter((f) => !only || f.includes(only))
  .sort();
if (files.length === 0) {
  console.error(`no test files found under ${root}${only ? ` matching ${only}` : ''}`);
  process.exit(1);
}
const temp = ownTempDir();
try {
  await Promise.all(files.map((f) => import(pathToFileURL(join(root, f)).href)));
} finally {
  // Registered after the test files' own top-level hooks, so that it runs after their clean-ups.
  after(() => temp.finish());
}
