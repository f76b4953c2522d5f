// `npm run bench`: runs every bench/*.bench.ts (or those whose name contains the first argument)
// and prints one row per measurement. Benchmarks, not tests, carry the speed and memory figures.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Measurement {
  readonly name: string;
  readonly ms: number;
  readonly note?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

console.log(`FirstDose benchmarks — node ${process.version}, ${process.platform}/${process.arch}`);
for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as { run(): Promise<Measurement[]> };
  console.log(`\n## ${file}`);
  for (const m of await module.run()) {
    console.log(`${m.name.padEnd(58)} ${m.ms.toFixed(m.ms < 10 ? 3 : 1).padStart(10)} ms${m.note ? `  ${m.note}` : ''}`);
  }
}
