// Sex and year of birth for the pseudonymised Patient. FirstDose keeps no patient file of its own:
// the screening snapshot's evidence is the only place these facts were recorded (the evaluation
// names the `sex` and `birthDate` it used), so they are read from there and the date is cut to
// its year before it leaves this function.
import type { Demographics } from './export-data.ts';

const genders = new Set(['female', 'male', 'other', 'unknown']);

interface EvidenceItem {
  readonly item?: unknown;
  readonly value?: unknown;
}

function evidenceOf(evaluation: unknown): EvidenceItem[] {
  const criteria = (evaluation as { criteria?: unknown })?.criteria;
  if (!Array.isArray(criteria)) return [];
  return criteria.flatMap((c) => {
    const evidence = (c as { evidence?: unknown })?.evidence;
    return Array.isArray(evidence) ? (evidence as EvidenceItem[]) : [];
  });
}

export function demographicsOf(evaluation: unknown): Demographics {
  let sex: Demographics['sex'];
  let birthYear: string | undefined;
  for (const e of evidenceOf(evaluation)) {
    if (e.item === 'sex' && typeof e.value === 'string' && genders.has(e.value.toLowerCase())) sex ??= e.value.toLowerCase() as Demographics['sex'];
    if (e.item === 'birthDate' && typeof e.value === 'string' && /^\d{4}/.test(e.value)) birthYear ??= e.value.slice(0, 4);
  }
  return { ...(sex ? { sex } : {}), ...(birthYear ? { birthYear } : {}) };
}
