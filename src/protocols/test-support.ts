// The repository's protocol files, loaded once for tests (I/O stays out of src/domain, whose test
// helpers are pure).
import type { Protocol } from '../domain/protocol/index.ts';
import { formatPath } from '../domain/result.ts';
import { loadProtocol } from './load.ts';

function load(id: string): Protocol {
  const r = loadProtocol(id);
  if (!r.ok) throw new Error(`protocol ${id}: ${r.issues.map((i) => `${formatPath(i.path)} ${i.code}`).join('; ')}`);
  return r.value;
}

export const hn2301: Protocol = load('hn2301');
export const example: Protocol = load('example-with-exclusions');
