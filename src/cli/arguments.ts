// Parsers for command-line option values. Each throws commander's InvalidArgumentError with a
// reason in the user's language; the runner turns it into one line naming the option.
import { InvalidArgumentError } from 'commander';
import type { Translate } from '../i18n/index.ts';

export type Parser<T> = (raw: string) => T;

function number(raw: string, t: Translate): number {
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value)) throw new InvalidArgumentError(t('cli.arg.number'));
  return value;
}

export const probability =
  (t: Translate, { open = true } = {}): Parser<number> =>
  (raw) => {
    const p = number(raw, t);
    if (open ? p <= 0 || p >= 1 : p < 0 || p > 1) throw new InvalidArgumentError(t(open ? 'cli.arg.probability-open' : 'cli.arg.probability'));
    return p;
  };

export const positiveInteger =
  (t: Translate, max = Number.MAX_SAFE_INTEGER): Parser<number> =>
  (raw) => {
    const n = number(raw, t);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(t('cli.arg.positive-integer', { max }));
    return n;
  };

export const nonNegativeInteger =
  (t: Translate): Parser<number> =>
  (raw) => {
    const n = number(raw, t);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(t('cli.arg.non-negative-integer'));
    return n;
  };

export const positiveNumber =
  (t: Translate): Parser<number> =>
  (raw) => {
    const n = number(raw, t);
    if (n <= 0) throw new InvalidArgumentError(t('cli.arg.positive'));
    return n;
  };

/** A comma-separated list, each element checked by `element`; the message names the position. */
export const list =
  <T>(t: Translate, element: Parser<T>): Parser<T[]> =>
  (raw) => {
    const parts = raw.split(',');
    if (raw.trim() === '') throw new InvalidArgumentError(t('cli.arg.empty-list'));
    return parts.map((part, index) => {
      try {
        return element(part);
      } catch (error) {
        throw new InvalidArgumentError(t('cli.arg.list-element', { position: index + 1, value: part, reason: (error as Error).message }));
      }
    });
  };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record's id: a UUID. Anything else names no record, and reached the database as its error. */
export const recordId =
  (t: Translate): Parser<string> =>
  (raw) => {
    if (!uuid.test(raw.trim())) throw new InvalidArgumentError(t('cli.arg.record-id'));
    return raw.trim().toLowerCase();
  };
