// Runs every src/**/*.test.ts in one node:test process. All files are imported concurrently so
// that every test is registered before the runner starts; sequential awaits combined with
// --test-force-exit have been seen to drop most tests silently. Zero files is a failure, because
// node:test reports "0 tests" with exit code 0.
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

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
await Promise.all(files.map((f) => import(pathToFileURL(join(root, f)).href)));
