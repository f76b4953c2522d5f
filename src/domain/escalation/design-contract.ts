// The contract every design passes (style.md §5; after escalation's check_dose_selector_consistency):
// walk every state the design can reach and check that the live decision is well-formed and agrees
// with the OC kernel, so exact and simulated OCs describe the design the trial actually runs.
import { type Issue, issue } from '../result.ts';
import type { Decision } from './decision.ts';
import { type Design, KernelStop } from './design.ts';
import { kernelOf } from './oc/kernel-of.ts';
import { StateStore } from './oc/state-store.ts';
import type { TrialData } from './trial-data.ts';

export interface ContractOptions {
  /** Stop exploring after this many states (default 20,000). */
  readonly maxStates?: number;
}

function wellFormed(design: Design, data: TrialData, d: Decision, at: string): Issue[] {
  const out: Issue[] = [];
  const bad = (code: string) => out.push(issue([at], code, { decision: d.decision, nextDose: d.nextDose, current: data.current }));
  if (d.decision === 'wait') bad('contract_wait_on_complete_data');
  if (d.decision === 'stop' || d.decision === 'wait') {
    if (d.nextDose !== null) bad('contract_stop_with_dose');
    return out;
  }
  const next = d.nextDose;
  if (next === null || !Number.isInteger(next) || next < 1 || next > design.doses) {
    bad('contract_dose_out_of_range');
    return out;
  }
  if (next > data.current + 1) bad('contract_skipped_dose');
  const kind = next > data.current ? 'escalate' : next < data.current ? 'de-escalate' : 'stay';
  if (kind !== d.decision) bad('contract_kind_mismatch');
  return out;
}

/** Issues found (empty when the design honours the contract). */
export function checkDesignContract(design: Design, options: ContractOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const K = design.doses;
  const kernel = kernelOf(design);
  const empty: TrialData = { current: design.startDose, doses: Array.from({ length: K }, () => ({ n: 0, y: 0 })) };
  const first = design.next(empty);
  if (first.decision !== 'stay' || first.nextDose !== design.startDose) issues.push(issue(['start'], 'contract_start', { decision: first.decision }));

  const maxStates = options.maxStates ?? 20_000;
  const width = 1 + 2 * K;
  const seen = new StateStore(width);
  let frontier = new StateStore(width);
  let next = new StateStore(width);
  const row = new Int32Array(width);
  const n = row.subarray(1, 1 + K);
  const y = row.subarray(1 + K);
  row[0] = kernel.startDose;
  frontier.add(row, 1);
  let visited = 0;
  while (frontier.size > 0 && visited < maxStates) {
    next.clear();
    for (let s = 0; s < frontier.size && visited < maxStates; s++) {
      row.set(frontier.rows.subarray(s * width, (s + 1) * width));
      const d: number = row[0]!;
      let total = 0;
      for (let j = 0; j < K; j++) total += n[j]!;
      const m = Math.min(kernel.cohortSize, kernel.maxPatients - total);
      n[d]! += m;
      for (let k = 0; k <= m; k++) {
        y[d]! += k;
        const before = seen.size;
        seen.add(row, 0);
        if (seen.size > before) {
          visited++;
          const code = kernel.step(n, y, d, total + m, k);
          const data: TrialData = {
            current: d + 1,
            doses: Array.from({ length: K }, (_, j) => ({ n: n[j]!, y: y[j]! })),
            lastCohort: { n: m, y: k },
          };
          const decision = design.next(data);
          const at = `state ${visited}`;
          issues.push(...wellFormed(design, data, decision, at));
          if (JSON.stringify(design.next(data)) !== JSON.stringify(decision)) issues.push(issue([at], 'contract_not_deterministic'));
          const live = decision.decision === 'stop' ? null : decision.nextDose! - 1;
          if (code >= 0 ? live !== code : live !== null) issues.push(issue([at], 'contract_kernel_disagrees', { kernel: code, live: live ?? -1 }));
          if (code === KernelStop.Select) {
            const chosen = kernel.select(n, y, d);
            const mtd = design.selectMtd(data).mtd;
            if ((mtd === null ? -1 : mtd - 1) !== chosen || (decision.mtd !== undefined && decision.mtd !== mtd))
              issues.push(issue([at], 'contract_selection_disagrees', { kernel: chosen, live: mtd ?? -1 }));
          }
          if (code >= 0) {
            row[0] = code;
            next.add(row, 0);
            row[0] = d;
          }
        }
        y[d]! -= k;
      }
      n[d]! -= m;
    }
    [frontier, next] = [next, frontier];
  }
  return issues;
}
