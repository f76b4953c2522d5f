// A patient with SLE as a lupus clinic's records show one: mostly women of child-bearing age,
// diagnosed years ago, ANA positive, often anti-dsDNA positive with low complement, on steroids,
// hydroxychloroquine and immunosuppressants, with lab panels over time (the latest sometimes too
// old for the screening window, some tests missing) and the screening questionnaires.
import { sledai2kItems } from '../domain/scores/sledai2k.ts';
import { eularAcrCriterionCodes } from '../domain/scores/eular-acr-2019.ts';
import { birthDateFor, formatDateTime, formatDay } from './dates.ts';
import type { Resource, ResourceFactory } from './fhir.ts';
import { anaResult, labResult, labTests, spo2Result, urineHcg } from './labs.ts';
import type { Rng } from './rng.ts';
import { growthFactor, sleTherapy } from './therapy.ts';

/** How often each SLEDAI-2K descriptor is present in active, treated lupus (rough clinic shares). */
const sledaiShare: Readonly<Record<string, number>> = {
  arthritis: 0.55, rash: 0.45, alopecia: 0.25, 'mucosal-ulcers': 0.25, proteinuria: 0.35, hematuria: 0.1, pyuria: 0.05, 'urinary-casts': 0.05,
  'low-complement': 0.5, 'increased-dna-binding': 0.45, fever: 0.05, leukopenia: 0.1, thrombocytopenia: 0.06, pleurisy: 0.05, pericarditis: 0.03,
  myositis: 0.02, vasculitis: 0.03, 'lupus-headache': 0.01, seizure: 0.005, psychosis: 0.005,
};

const eularShare: Readonly<Record<string, number>> = {
  'joint-involvement': 0.7, 'acute-cutaneous-lupus': 0.5, 'non-scarring-alopecia': 0.3, 'oral-ulcers': 0.3, leukopenia: 0.35, thrombocytopenia: 0.15,
  'autoimmune-hemolysis': 0.05, fever: 0.3, proteinuria: 0.3, 'renal-biopsy-class-3-or-4': 0.1, 'pleural-or-pericardial-effusion': 0.1,
  'low-c3-or-low-c4': 0.35, 'low-c3-and-low-c4': 0.35, 'anti-dsdna-or-anti-smith': 0.7, 'antiphospholipid-antibodies': 0.2,
};

const items = (rng: Rng, codes: readonly string[], share: Readonly<Record<string, number>>): Array<[string, boolean]> =>
  codes.map((code) => [code, rng.chance(share[code] ?? 0.01)]);

export function slePatient(f: ResourceFactory, rng: Rng, today: number): Resource[] {
  const female = rng.chance(0.9);
  const age = rng.chance(0.06) ? (rng.chance(0.5) ? rng.int(15, 17) : rng.int(70, 78)) : rng.int(18, 69);
  const out: Resource[] = [f.patient(birthDateFor(today, age, rng.int(0, 364)), female ? 'female' : 'male')];
  const sleStart = today - (rng.chance(0.05) ? rng.int(20, 170) : rng.int(200, Math.min(365 * 20, (age - 12) * 365)));
  out.push(f.condition('55464009', 'Systemic lupus erythematosus', formatDay(sleStart)));
  const nephritis = rng.chance(0.15);
  if (nephritis) out.push(f.condition('68815009', 'SLE glomerulonephritis syndrome', formatDay(sleStart + rng.int(0, 900))));
  const gilbert = rng.chance(0.03);
  if (gilbert) out.push(f.condition('27503000', 'Gilbert syndrome', formatDay(today - rng.int(400, 4000))));
  if (female && age < 50 && rng.chance(0.015)) out.push(f.condition('77386006', 'Pregnancy', formatDay(today - rng.int(20, 200))));
  if (rng.chance(0.15)) out.push(f.condition('38341003', 'Hypertensive disorder', formatDay(today - rng.int(100, 3000))));

  // The screening panel: mostly within four weeks, sometimes older (stale for the window).
  const screening = today - (rng.chance(0.9) ? rng.int(0, 25) : rng.int(30, 150));
  const panels = [screening, ...Array.from({ length: rng.int(1, 3) }, () => screening - rng.int(45, 500))].sort((a, b) => a - b);
  const mean = {
    anc: rng.normal(3.6, 1.1), alc: rng.normal(1.35, 0.35), hemoglobin: rng.normal(118, 14),
    alt: rng.chance(0.04) ? 120 : rng.normal(22, 7), ast: rng.chance(0.04) ? 100 : rng.normal(24, 6),
    bilirubin: gilbert ? 32 : rng.normal(10, 3), creatinine: nephritis ? rng.normal(130, 40) : rng.normal(64, 12),
    weight: female ? rng.normal(57, 9) : rng.normal(68, 10), c3: rng.normal(0.8, 0.22), c4: rng.normal(0.13, 0.06),
  };
  const dsDna = Math.exp(rng.normal(Math.log(110), 0.9));
  for (const day of panels) {
    const time = formatDateTime(day, rng.int(7 * 60, 11 * 60));
    const lab = (key: keyof typeof mean, sd: number) => {
      if (rng.chance(0.94)) out.push(labResult(f, rng, labTests[key], time, mean[key], sd));
    };
    lab('anc', 0.6); lab('alc', 0.25); lab('hemoglobin', 6); lab('alt', 5); lab('ast', 5); lab('bilirubin', 2); lab('creatinine', 8); lab('weight', 0.8);
    lab('c3', 0.08); lab('c4', 0.03);
    if (rng.chance(0.85)) out.push(labResult(f, rng, labTests.antiDsDna, time, dsDna, dsDna * 0.2));
  }
  const screeningTime = formatDateTime(screening, rng.int(7 * 60, 11 * 60));
  if (rng.chance(0.85)) {
    out.push(labResult(f, rng, labTests.inr, screeningTime, 1.0, 0.08));
    if (rng.chance(0.9)) out.push(labResult(f, rng, labTests.aptt, screeningTime, 32, 4));
  }
  // Echocardiography: usually booked for screening, sometimes only an older one on file.
  const echo = today - (rng.chance(0.85) ? rng.int(0, 25) : rng.int(30, 200));
  if (rng.chance(0.85)) out.push(labResult(f, rng, labTests.lvef, formatDateTime(echo, 14 * 60), rng.chance(0.03) ? 36 : 62, 5));
  if (rng.chance(0.9)) out.push(spo2Result(f, rng, screeningTime, rng.chance(0.04)));
  // ANA at diagnosis, and for about half the patients again at screening.
  const titre = rng.chance(0.95) ? rng.pick([80, 160, 320, 640, 1280]) : 40;
  out.push(anaResult(f, rng, formatDateTime(sleStart + rng.int(0, 20), 9 * 60), titre));
  if (rng.chance(0.55)) out.push(anaResult(f, rng, screeningTime, rng.pick([titre, titre * 2, titre / 2])));
  if (female && rng.chance(0.92)) out.push(urineHcg(f, screeningTime, age < 50 && rng.chance(0.02)));
  if (rng.chance(0.03)) out.push(f.procedure('116859006', 'Transfusion of blood product', formatDateTime(today - rng.int(1, 60), 13 * 60)));

  out.push(...sleTherapy(f, rng, today, sleStart));
  if (rng.chance(0.03)) out.push(growthFactor(f, rng, today));

  const authored = formatDateTime(screening, 15 * 60);
  if (rng.chance(0.4)) out.push(f.questionnaireResponse('sledai-2k', formatDateTime(panels[0]!, 15 * 60), items(rng, sledai2kItems, sledaiShare)));
  if (rng.chance(0.92)) out.push(f.questionnaireResponse('sledai-2k', authored, items(rng, sledai2kItems, sledaiShare)));
  if (rng.chance(0.85)) out.push(f.questionnaireResponse('eular-acr-2019', authored, items(rng, eularAcrCriterionCodes, eularShare)));
  if (rng.chance(0.85)) {
    const grade = rng.chance(0.85) ? 0 : rng.chance(0.7) ? 1 : 2;
    out.push(f.questionnaireResponse('screening-attestations', authored, [['dyspnea-grade', grade], ['lactating', female && rng.chance(0.02)], ['contraception-agreed', rng.chance(0.92)]]));
  }
  return out;
}
