// I4, stable standard therapy (domain.md §0.1): `regimenStart ≤ screening − 56 d` and
// `lastDoseChange ≤ screening − 14 d`. The regimen is the set of agents of the given classes current
// on the screening date; it started when the last of them began its current continuous use (the
// combination has existed since then). A dose change is a new statement for an agent already in
// continuous use. An agent stopped before the screening date is not part of the current set, so
// stopping one does not restart the regimen (the reading; noted as uncertain).
import { DecidedCode, MissingCode } from './codes.ts';
import { agentKey, brief, type EvalContext, met, notMet, unknown, windowStart } from './context.ts';
import type { Evidence, NodeResult } from './criterion-result.ts';
import { datePart, dayNumber } from './dates.ts';
import type { LeafOf } from './limits.ts';
import { type ContinuousUse, continuousUse, doseChanges, isCurrent, medicationEvidence } from './medications.ts';
import type { MedicationFact } from './patient-record.ts';
import { Tri } from './tri.ts';

/** The latest of some dates (the first of equal days). */
function lastOf(dates: readonly string[]): string {
  let last = dates[0]!;
  for (let i = 1; i < dates.length; i++) if (dayNumber(dates[i]!) > dayNumber(last)) last = dates[i]!;
  return last;
}

export function evaluateStableRegimen(ctx: EvalContext, leaf: LeafOf<'stable-regimen'>): NodeResult {
  const classes: readonly string[] = leaf.classes;
  const statements: MedicationFact[] = [];
  const current = new Set<string>();
  for (const m of ctx.record.medications) {
    if (!classes.includes(m.class)) continue;
    statements.push(m);
    if (isCurrent(ctx, m)) current.add(agentKey(m.agent));
  }
  const agents = [...current].sort();
  // windowStart(ctx, d) is the screening date minus d days, as addDays gives it.
  const regimenBy = windowStart(ctx, 7 * leaf.minRegimenWeeks);
  const stableBy = windowStart(ctx, 7 * leaf.minDoseStableWeeks);
  if (ctx.record.medications.length === 0) return unknown([{ item: 'medication-history', code: MissingCode.noMedicationHistory }]);
  const base = { classes: [...leaf.classes], minRegimenWeeks: leaf.minRegimenWeeks, minDoseStableWeeks: leaf.minDoseStableWeeks };
  if (agents.length === 0) return ctx.explain ? notMet(DecidedCode.noCurrentRegimen, base, []) : brief(Tri.notMet, DecidedCode.noCurrentRegimen);

  const uses: ContinuousUse[] = [];
  for (const a of agents) {
    const use = continuousUse(ctx, a, statements);
    if (use !== undefined) uses.push(use);
  }
  const changes: MedicationFact[] = [];
  for (const u of uses) for (const m of doseChanges(u)) changes.push(m);
  const regimenStart = lastOf(uses.map((u) => u.start));
  const lastChange = changes.length > 0 ? lastOf(changes.map((m) => datePart(m.start))) : null;
  const tooRecent = dayNumber(regimenStart) > dayNumber(regimenBy);
  const changedRecently = lastChange !== null && dayNumber(lastChange) > dayNumber(stableBy);
  if (!ctx.explain)
    return tooRecent
      ? brief(Tri.notMet, DecidedCode.regimenTooRecent)
      : changedRecently
        ? brief(Tri.notMet, DecidedCode.doseChangedRecently)
        : brief(Tri.met, DecidedCode.regimenStable);
  const changed = new Set(changes);
  const evidence: Evidence[] = [];
  for (const u of uses)
    for (const m of u.statements)
      evidence.push(
        medicationEvidence(m, changed.has(m) ? `dose change on ${datePart(m.start)}, stable since <= ${stableBy}` : `in use since ${u.start}, started <= ${regimenBy}`),
      );
  const params = { classes: base.classes, minRegimenWeeks: base.minRegimenWeeks, minDoseStableWeeks: base.minDoseStableWeeks, agents, regimenStart, lastChange, regimenBy, stableBy };

  if (tooRecent) return notMet(DecidedCode.regimenTooRecent, params, evidence);
  if (changedRecently) {
    const agent = changes.find((m) => datePart(m.start) === lastChange)?.agent ?? null;
    return notMet(DecidedCode.doseChangedRecently, Object.assign({}, params, { agent }), evidence);
  }
  return met(DecidedCode.regimenStable, params, evidence);
}
