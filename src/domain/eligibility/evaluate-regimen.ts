// I4, stable standard therapy (domain.md §0.1): `regimenStart ≤ screening − 56 d` and
// `lastDoseChange ≤ screening − 14 d`. The regimen is the set of agents of the given classes current
// on the screening date; it started when the last of them began its current continuous use (the
// combination has existed since then). A dose change is a new statement for an agent already in
// continuous use. An agent stopped before the screening date is not part of the current set, so
// stopping one does not restart the regimen (the reading; noted as uncertain).
import { DecidedCode, MissingCode } from './codes.ts';
import { agentKey, type EvalContext, met, notMet, unknown } from './context.ts';
import { addDays, datePart, dayNumber } from './dates.ts';
import type { LeafOf } from './limits.ts';
import { type ContinuousUse, continuousUse, doseChanges, isCurrent, medicationEvidence } from './medications.ts';
import type { MedicationFact } from './patient-record.ts';
import type { NodeResult } from './criterion-result.ts';

export function evaluateStableRegimen(ctx: EvalContext, leaf: LeafOf<'stable-regimen'>): NodeResult {
  const classes = new Set<string>(leaf.classes);
  const statements = ctx.record.medications.filter((m) => classes.has(m.class));
  const agents = [...new Set(statements.filter((m) => isCurrent(ctx, m)).map((m) => agentKey(m.agent)))].sort();
  const regimenBy = addDays(ctx.asOf, -7 * leaf.minRegimenWeeks);
  const stableBy = addDays(ctx.asOf, -7 * leaf.minDoseStableWeeks);
  const base = { classes: [...leaf.classes], minRegimenWeeks: leaf.minRegimenWeeks, minDoseStableWeeks: leaf.minDoseStableWeeks };
  if (ctx.record.medications.length === 0) return unknown([{ item: 'medication-history', code: MissingCode.noMedicationHistory }]);
  if (agents.length === 0) return notMet(DecidedCode.noCurrentRegimen, base, []);

  const uses = agents.map((a) => continuousUse(ctx, a, statements)).filter((u): u is ContinuousUse => u !== undefined);
  const changes: MedicationFact[] = uses.flatMap(doseChanges);
  const lastOf = (dates: readonly string[]) => dates.reduce((a, b) => (dayNumber(b) > dayNumber(a) ? b : a));
  const regimenStart = lastOf(uses.map((u) => u.start));
  const lastChange = changes.length > 0 ? lastOf(changes.map((m) => datePart(m.start))) : null;
  const changed = new Set(changes);
  const evidence = uses.flatMap((u) =>
    u.statements.map((m) =>
      medicationEvidence(m, changed.has(m) ? `dose change on ${datePart(m.start)}, stable since <= ${stableBy}` : `in use since ${u.start}, started <= ${regimenBy}`),
    ),
  );
  // Object.assign, not a spread followed by fields: the same object without V8's slow path (combine.ts).
  const params = Object.assign({}, base, { agents, regimenStart, lastChange, regimenBy, stableBy });

  if (dayNumber(regimenStart) > dayNumber(regimenBy)) return notMet(DecidedCode.regimenTooRecent, params, evidence);
  if (lastChange !== null && dayNumber(lastChange) > dayNumber(stableBy)) {
    const agent = changes.find((m) => datePart(m.start) === lastChange)?.agent ?? null;
    return notMet(DecidedCode.doseChangedRecently, Object.assign({}, params, { agent }), evidence);
  }
  return met(DecidedCode.regimenStable, params, evidence);
}
