// units' tidy, remembered: it prints and parses its argument (~170 ns), and a pre-screen compares
// millions of values. An integer below 10^12 is its own tidy value (all its digits fit in 12; zero
// included, since tidy(-0) is 0), and thresholds recur, so other answers are kept in a bounded table.
import { BoundedMap } from '../bounded-map.ts';
import { tidy } from '../units/index.ts';

const kept = new BoundedMap<number, number>(4096);

export function tidied(v: number): number {
  if (Number.isInteger(v) && Math.abs(v) < 1e12) return v === 0 ? 0 : v;
  let out = kept.get(v);
  if (out === undefined) {
    out = tidy(v);
    kept.set(v, out);
  }
  return out;
}
