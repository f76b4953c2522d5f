import { readFileSync } from 'node:fs';
import { issue } from '../domain/result.ts';
import { unstorableIssue } from '../domain/storable.ts';
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
  // Deep nesting overflowed the stack of the checks that walk it next; NUL and half surrogate pairs reached the database.
  const unstorable = unstorableIssue(value, [name]);
  if (unstorable) throw new CliError([unstorable]);
  return value as Record<string, unknown>;
}

const escapes: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A message as one line, whatever the values it quotes hold: line breaks and other controls as escapes. */
export function oneLine(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 ? (escapes[c] ?? `\\u${code.toString(16).padStart(4, '0')}`) : c;
  }
  return out;
}

/**
 * Runs what writes a file or directory the user named: a failure of the file system (a directory
 * where the file should go, no such directory, no permission) is a usage error naming `field`,
 * not an uncaught exception. Only errors about a path are; a database's are not.
 */
export async function writing<T>(field: string, write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (typeof e?.code === 'string' && typeof e.path === 'string') throw new CliError([issue([field], 'unwritable', { path: e.path, detail: e.code })]);
    throw error;
  }
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
