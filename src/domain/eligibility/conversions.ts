// Unit conversions during evaluation, remembered. units' convert is exact (it shifts decimals through
// the number's text and tidies to 12 digits), which costs about a microsecond, and a pre-screen
// converts the same few values (a lab's results have one decimal or two) and the same protocol
// thresholds for every patient. A conversion is a pure function of the value, the two unit texts
// and the analyte, so its remembered answer is the answer; only successes are kept (a failure
// takes the full path, which says why), and not zero, whose sign a Map key would lose.
import { BoundedMap } from '../bounded-map.ts';
import { type Analyte, convert } from '../units/index.ts';

/** to → from → analyte ('' for none) → value → converted value. */
const unitsMax = 256;
const tables = new BoundedMap<string, Map<string, Map<string, Map<number, number>>>>(unitsMax);

function table(from: string, to: string, analyte: Analyte | undefined): Map<number, number> {
  let byFrom = tables.get(to);
  if (byFrom === undefined) {
    byFrom = new BoundedMap(unitsMax);
    tables.set(to, byFrom);
  }
  let byAnalyte = byFrom.get(from);
  if (byAnalyte === undefined) {
    byAnalyte = new Map();
    byFrom.set(from, byAnalyte);
  }
  const a = analyte ?? '';
  let values = byAnalyte.get(a);
  if (values === undefined) {
    values = new BoundedMap(4096);
    byAnalyte.set(a, values);
  }
  return values;
}

/** `value` in `from` converted to `to` as units' convert gives it, or undefined where convert fails. */
export function convertedValue(value: number, from: string, to: string, analyte: Analyte | undefined): number | undefined {
  if (value === 0) {
    const r = convert({ value, unit: from }, to, { analyte });
    return r.ok ? r.value.value : undefined;
  }
  const values = table(from, to, analyte);
  let out = values.get(value);
  if (out === undefined) {
    const r = convert({ value, unit: from }, to, { analyte });
    if (!r.ok) return undefined;
    out = r.value.value;
    values.set(value, out);
  }
  return out;
}
