// A patient without lupus, as most of a hospital's export is: common chronic conditions, routine
// labs now and then, everyday medicines. A few have a low-titre positive ANA, as healthy people do.
import { birthDateFor, formatDateTime, formatDay } from './dates.ts';
import type { Resource, ResourceFactory } from './fhir.ts';
import { anaResult, labResult, labTests } from './labs.ts';
import type { Rng } from './rng.ts';
import { otherTherapy } from './therapy.ts';

const conditions: ReadonlyArray<readonly [string, string]> = [
  ['38341003', 'Hypertensive disorder'],
  ['44054006', 'Diabetes mellitus type 2'],
  ['195967001', 'Asthma'],
  ['396275006', 'Osteoarthritis'],
  ['69896004', 'Rheumatoid arthritis'],
  ['40930008', 'Hypothyroidism'],
  ['235595009', 'Gastroesophageal reflux disease'],
  ['37796009', 'Migraine'],
];

export function otherPatient(f: ResourceFactory, rng: Rng, today: number): Resource[] {
  const female = rng.chance(0.55);
  const out: Resource[] = [f.patient(birthDateFor(today, rng.int(18, 90), rng.int(0, 364)), female ? 'female' : 'male')];
  for (const [code, display] of rng.sample(conditions, rng.int(1, 3))) out.push(f.condition(code, display, formatDay(today - rng.int(100, 5000))));
  if (rng.chance(0.01)) out.push(f.condition('27503000', 'Gilbert syndrome', formatDay(today - rng.int(400, 4000))));
  const mean = { anc: rng.normal(4, 1.2), alc: rng.normal(2, 0.5), hemoglobin: rng.normal(female ? 130 : 145, 12), alt: rng.normal(24, 8), ast: rng.normal(24, 6), creatinine: rng.normal(female ? 65 : 85, 15), weight: rng.normal(female ? 60 : 72, 11) };
  for (let p = rng.int(2, 4); p > 0; p--) {
    const time = formatDateTime(today - rng.int(0, 900), rng.int(7 * 60, 17 * 60));
    for (const key of Object.keys(mean) as Array<keyof typeof mean>) {
      if (rng.chance(0.55)) out.push(labResult(f, rng, labTests[key], time, mean[key], 0.1 * mean[key]));
    }
  }
  if (rng.chance(0.04)) out.push(anaResult(f, rng, formatDateTime(today - rng.int(30, 2000), 9 * 60), rng.pick([40, 80, 160])));
  out.push(...otherTherapy(f, rng, today));
  return out;
}
