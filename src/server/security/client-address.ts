// The key a client address is counted under. An IPv4 address is one key; an IPv6 client usually
// holds a whole /64 (RFC 6177 recommends giving sites /48 to /56), so counting its addresses one
// by one would give it 2^64 fresh tries: it is counted by its /64 prefix. IPv4-mapped IPv6
// (::ffff:1.2.3.4, what a dual-stack socket reports) counts as the IPv4 address.
import { isIPv4, isIPv6 } from 'node:net';

/** The eight 16-bit groups of an IPv6 address, `::` expanded. */
function groupsOf(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const h = part(head);
  const t = tail === undefined ? [] : part(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4) is two groups.
  const expand = (groups: string[]) =>
    groups.flatMap((g) => {
      if (!g.includes('.')) return [Number.parseInt(g, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  const hx = expand(h);
  const tx = expand(t);
  return tail === undefined ? hx : [...hx, ...new Array(8 - hx.length - tx.length).fill(0), ...tx];
}

export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const plain = address.split('%')[0]!;
  if (isIPv4(plain)) return plain;
  if (!isIPv6(plain)) return plain;
  const g = groupsOf(plain.toLowerCase());
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
  return `${g
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(':')}::/64`;
}

/**
 * FIRSTDOSE_TRUST_PROXY as fastify's trustProxy: unset or empty, trust no X-Forwarded-For (the
 * peer is the client); `1`/`true`, trust the proxy in front whatever its address; otherwise a
 * comma-separated list of the proxies' addresses or CIDR ranges (`127.0.0.1,10.0.0.0/8`).
 */
export function trustProxyOf(value: string | undefined): boolean | string[] {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0' || v.toLowerCase() === 'false') return false;
  if (v === '1' || v.toLowerCase() === 'true') return true;
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
