// Option values several commands share: the screening date and the protocol.
import type { Protocol } from '../domain/protocol/index.ts';
import { issue } from '../domain/result.ts';
import { loadProtocol } from '../protocols/load.ts';
import { CliError } from './cli-error.ts';

/** Today in the local calendar: a coordinator screens "as of today" where they are. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A real calendar date YYYY-MM-DD, or a usage error naming the option. */
export function checkDate(value: string, flag: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new CliError([issue([flag], 'invalid_date', { value })]);
  return value;
}

/** `--as-of`, defaulting to today. */
export const asOfOption = (value: string | undefined): string => (value === undefined ? today() : checkDate(value, '--as-of'));

/** `--protocol`: a protocol id or file; problems name the option. */
export function protocolOption(idOrPath: string): Protocol {
  const protocol = loadProtocol(idOrPath);
  if (!protocol.ok) throw new CliError(protocol.issues.map((i) => ({ ...i, path: ['--protocol', ...i.path] })));
  return protocol.value;
}
