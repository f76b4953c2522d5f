import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  json(): unknown;
}

/** Runs the CLI in process, with `input` as a JSON file argument when given. */
export async function runCli(argv: string[], input?: unknown): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const args = [...argv];
  if (input !== undefined) {
    const file = join(mkdtempSync(join(tmpdir(), 'firstdose-cli-')), 'input.json');
    writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
    const at = args.indexOf('@input');
    if (at >= 0) args[at] = file;
    else args.push(file);
  }
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  const stdout = out.join('\n');
  return { code, stdout, stderr: err.join('\n'), json: () => JSON.parse(stdout) };
}
