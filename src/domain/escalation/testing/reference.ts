// TEST SUPPORT ONLY (not exported from the escalation index; the one file here that does I/O).
// Loads the R reference outputs from `shared/reference/dose-finding/`, which sits beside the
// repository: /work/main → /work/shared locally, and `../shared` in CI's clone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = new URL('../../../../../shared/reference/dose-finding/', import.meta.url);

export function loadReference<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(name, folder)), 'utf8')) as T;
}
