import { readFileSync } from 'node:fs';
import { issue } from '../domain/result.ts';
import { CliError } from './cli-error.ts';

/** Reads a FILE argument, or standard input when it is absent or `-`. */
export function readInputText(file: string | undefined): string {
  const source = file === undefined || file === '-' ? 0 : file;
  try {
    return readFileSync(source, 'utf8');
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError([issue([file ?? '-'], 'unreadable', { detail })]);
  }
}

/** Parses one JSON object; anything else is a usage error naming the input. */
export function parseJsonObject(text: string, name: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError([issue([name], 'invalid_json', { detail: (error as Error).message })]);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CliError([issue([name], 'not_an_object')]);
  return value as Record<string, unknown>;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
