// I5 corticosteroid dose and I6 prior immunosuppressants (domain.md §0.1).
// I5: the current prednisone-equivalent mg/day (§6.2 table, scores/prednisone-equivalent.ts) is
// the sum over current systemic glucocorticoid statements of dose × administrations per day
// (default 1). No glucocorticoid at all is 0 mg. For each agent only its newest current statement
// counts: a dose change is a new statement, and an older one left open must not be added twice.
// A glucocorticoid that cannot be converted makes the total unknown, except that the known part
// already above the maximum settles "not met" (doses only add up).
import { BoundedMap } from '../bounded-map.ts';
import { type Glucocorticoid, glucocorticoidEquivalentMg, prednisoneEquivalentMgPerDay } from '../scores/prednisone-equivalent.ts';
import { DecidedCode, MissingCode } from './codes.ts';
import { agentKey, brief, decided, type EvalContext, met, missing, notMet, unknown } from './context.ts';
import type { Evidence, Missing, NodeResult } from './criterion-result.ts';
import { datePart, dayNumber } from './dates.ts';
import type { LeafOf } from './limits.ts';
import { isCurrent, medicationEvidence, startedBy } from './medications.ts';
import { tidied } from './tidied.ts';
import { Tri } from './tri.ts';
import type { MedicationFact } from './patient-record.ts';

const isGlucocorticoid = (name: string): name is Glucocorticoid => Object.hasOwn(glucocorticoidEquivalentMg, name);

/** Each agent's newest current statements (several on the same day are a split dose, all counted). */
function newestCurrent(ctx: EvalContext, meds: readonly MedicationFact[]): MedicationFact[] {
  const current = meds.filter((m) => isCurrent(ctx, m));
  const newest = new Map<string, number>();
  for (const m of current) newest.set(agentKey(m.agent), Math.max(newest.get(agentKey(m.agent)) ?? Number.NEGATIVE_INFINITY, dayNumber(m.start)));
  return current.filter((m) => dayNumber(m.start) === newest.get(agentKey(m.agent)));
}

// Prednisone equivalents remembered by agent, unit, administrations per day and dose: a pre-screen
// sees a few dozen prescriptions over and over, and each conversion prints and parses numbers.
// Only successes are kept, and not a zero dose (a Map key would lose its sign).
const equivalentsMax = 4096;
const equivalents = new BoundedMap<string, Map<number, number>>(equivalentsMax);

function equivalentMgPerDay(agent: Glucocorticoid, dose: NonNullable<MedicationFact['dose']>, perDay: number | undefined): number | undefined {
  const key = `${agent}\u0000${dose.unit}\u0000${perDay}`;
  let byDose = equivalents.get(key);
  let out = byDose?.get(dose.value);
  if (out !== undefined) return out;
  const r = prednisoneEquivalentMgPerDay(perDay === undefined ? { drug: agent, dose } : { drug: agent, dose, timesPerDay: perDay });
  if (!r.ok) return undefined;
  out = r.value.mgPerDay;
  if (dose.value !== 0) {
    if (byDose === undefined) {
      byDose = new BoundedMap(equivalentsMax);
      equivalents.set(key, byDose);
    }
    byDose.set(dose.value, out);
  }
  return out;
}

function mgPerDay(m: MedicationFact): { ok: true; value: number } | { ok: false; missing: Missing } {
  const agent = agentKey(m.agent);
  if (!m.problem && isGlucocorticoid(agent) && m.dose) {
    const value = equivalentMgPerDay(agent, m.dose, m.perDay);
    if (value !== undefined) return { ok: true, value };
  }
  const at = { date: datePart(m.start), source: m.source };
  if (m.problem) return { ok: false, missing: missing(m.agent, m.problem.code, Object.assign({}, at, { detail: m.problem.detail ?? null })) };
  if (!isGlucocorticoid(agent)) return { ok: false, missing: missing(m.agent, MissingCode.unknownGlucocorticoid, at) };
  if (!m.dose) return { ok: false, missing: missing(m.agent, MissingCode.noDose, at) };
  const r = prednisoneEquivalentMgPerDay(m.perDay === undefined ? { drug: agent, dose: m.dose } : { drug: agent, dose: m.dose, timesPerDay: m.perDay });
  if (r.ok) return { ok: true, value: r.value.mgPerDay };
  const code = r.issues[0]?.code === MissingCode.unknownUnit ? MissingCode.unknownUnit : MissingCode.incompatibleUnit;
  return { ok: false, missing: missing(m.agent, code, Object.assign({}, at, { unit: m.dose.unit, expected: 'mg' })) };
}

export function evaluateGlucocorticoidDose(ctx: EvalContext, leaf: LeafOf<'glucocorticoid-dose'>): NodeResult {
  const min = leaf.min ?? 0;
  const noMinimumWithIs = leaf.noMinimumWithImmunosuppressant ?? true;
  const glucocorticoids = newestCurrent(
    ctx,
    ctx.record.medications.filter((m) => m.class === 'corticosteroid'),
  );
  const immunosuppressants = ctx.record.medications.filter((m) => m.class === 'immunosuppressant' && isCurrent(ctx, m));
  const onImmunosuppressant = immunosuppressants.length > 0;
  const explain = ctx.explain;
  const evidence: Evidence[] = [];
  const lacking: Missing[] = [];
  let known = 0;
  for (const m of glucocorticoids) {
    const r = mgPerDay(m);
    if (r.ok) {
      known += r.value;
      if (explain) evidence.push(medicationEvidence(m, `= ${r.value} mg/d prednisone-equivalent`));
    } else {
      lacking.push(r.missing);
      if (explain) evidence.push(medicationEvidence(m));
    }
  }
  const total = tidied(known);
  const minimumApplies = !(noMinimumWithIs && onImmunosuppressant);
  // Above the maximum settles it whatever is unknown (doses only add up); else unknown while one is.
  const code =
    total > leaf.max
      ? DecidedCode.glucocorticoidDoseAboveMaximum
      : lacking.length > 0
        ? undefined
        : minimumApplies && total < min
          ? DecidedCode.glucocorticoidDoseBelowMinimum
          : DecidedCode.glucocorticoidDoseInRange;
  const status = code === DecidedCode.glucocorticoidDoseInRange ? Tri.met : Tri.notMet;
  if (!explain) return code === undefined ? unknown(lacking) : brief(status, code);
  const bounds = minimumApplies ? `>= ${min} and <= ${leaf.max}` : `<= ${leaf.max} (no minimum with an immunosuppressant)`;
  evidence.push({ item: 'prednisone-equivalent', value: total, unit: 'mg/d', date: ctx.asOf, compared: bounds });
  evidence.push(...immunosuppressants.map((m) => medicationEvidence(m, 'current immunosuppressant')));
  if (code === undefined) return unknown(lacking, evidence);
  return decided(status, code, { mgPerDay: total, min, max: leaf.max, onImmunosuppressant, minimumApplies }, evidence);
}

/** Distinct agents of the classes ever started up to the screening date (I6). */
export function evaluateDistinctAgents(ctx: EvalContext, leaf: LeafOf<'distinct-agents'>): NodeResult {
  // An extract without any medication statement says nothing about prior therapy.
  if (ctx.record.medications.length === 0) return unknown([{ item: 'medication-history', code: MissingCode.noMedicationHistory }]);
  const classes = new Set<string>(leaf.classes);
  const used = ctx.record.medications.filter((m) => classes.has(m.class) && startedBy(ctx, m));
  const agents = [...new Set(used.map((m) => agentKey(m.agent)))].sort();
  if (!ctx.explain) return agents.length >= leaf.min ? brief(Tri.met, DecidedCode.enoughAgents) : brief(Tri.notMet, DecidedCode.tooFewAgents);
  const firstUse = agents.map((a) => used.filter((m) => agentKey(m.agent) === a).sort((x, y) => dayNumber(x.start) - dayNumber(y.start))[0]!);
  const evidence = firstUse.map((m) => medicationEvidence(m, `first use; ${agents.length} distinct >= ${leaf.min}`));
  const params = { count: agents.length, min: leaf.min, agents, classes: [...leaf.classes] };
  return agents.length >= leaf.min ? met(DecidedCode.enoughAgents, params, evidence) : notMet(DecidedCode.tooFewAgents, params, evidence);
}
