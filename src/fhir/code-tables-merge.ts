// Merges a site's code tables onto the defaults. The rule is "extend, and override what you name":
// lists of codes merge by system|code (a site entry for an existing code replaces it, e.g. to demote
// it to lowPreference), lists of strings are unioned, maps merge by key, and text is replaced. A
// site removes a default code by listing it under doNotMap (observations) or excludeCodes
// (conditions), which always win over `codes`.

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

function codingKey(v: unknown): string | undefined {
  if (!isPlain(v)) return undefined;
  if (typeof v['system'] === 'string' && typeof v['code'] === 'string') return `${v['system']}|${v['code']}`;
  if (typeof v['former'] === 'string' && typeof v['current'] === 'string') return `${v['former']}>${v['current']}`;
  return undefined;
}

function mergeArrays(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const out = [...a];
  const position = new Map<string, number>();
  out.forEach((item, i) => {
    const key = typeof item === 'string' ? `s:${item}` : codingKey(item);
    if (key !== undefined) position.set(key, i);
  });
  for (const item of b) {
    const key = typeof item === 'string' ? `s:${item}` : codingKey(item);
    const at = key === undefined ? undefined : position.get(key);
    if (at !== undefined) out[at] = item;
    else {
      if (key !== undefined) position.set(key, out.length);
      out.push(item);
    }
  }
  return out;
}

/** `b` merged onto `a` (neither is modified). */
export function mergeDocuments<T>(a: T, b: unknown): T {
  if (Array.isArray(a) && Array.isArray(b)) return mergeArrays(a, b) as T;
  if (isPlain(a) && isPlain(b)) {
    // Object.fromEntries keeps a "__proto__" key from a site file as data, never as a prototype.
    const merged = new Map<string, unknown>(Object.entries(a));
    for (const [key, value] of Object.entries(b)) {
      if (value === undefined) continue;
      merged.set(key, merged.has(key) ? mergeDocuments(merged.get(key), value) : value);
    }
    return Object.fromEntries(merged) as T;
  }
  return (b === undefined ? a : b) as T;
}
