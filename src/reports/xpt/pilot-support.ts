// Test support: the CDISC pilot SDTM data sets in `shared/reference/cdisc-pilot/`, which sits
// beside the repository (/work/main → /work/shared locally, `../shared` in CI's clone). Each
// domain is there as SAS 9.4's .xpt and as the Dataset-JSON 1.1 .json made from it.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const pilotFolder = fileURLToPath(new URL('../../../../shared/reference/cdisc-pilot/', import.meta.url));

export interface PilotDomain {
  readonly domain: string;
  readonly xpt: Uint8Array;
  readonly json: Record<string, unknown>;
}

/** Every domain that has both files, in name order. */
export const pilotDomains: readonly string[] = readdirSync(pilotFolder)
  .filter((f) => f.endsWith('.xpt'))
  .map((f) => f.slice(0, -4))
  .filter((d) => readdirSync(pilotFolder).includes(`${d}.json`))
  .sort();

export function pilot(domain: string): PilotDomain {
  return {
    domain,
    xpt: new Uint8Array(readFileSync(`${pilotFolder}${domain}.xpt`)),
    json: JSON.parse(readFileSync(`${pilotFolder}${domain}.json`, 'utf8')) as Record<string, unknown>,
  };
}

export const pilotDefineXml = () => readFileSync(`${pilotFolder}define.xml`, 'utf8');
