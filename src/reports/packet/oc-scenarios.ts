// Operating characteristics for the packet. The protocol states no scenarios of true DLT rates,
// so the packet uses the customary kind of set of a dose-finding report: each dose in turn is the
// true MTD (its rate is the target, the rates step by `spacing` per level around it), all above
// the target, all doses well below it. The numbers are exact (dynamic programming over trial
// states), from the same engine that makes the live recommendation.
import { type Design, exactOC } from '../../domain/escalation/index.ts';
import type { OcScenario } from './model.ts';

/** 3+3 has no target of its own; 0.3 is the service's default target (store/trial/design.ts), here for the scenarios and overdose figures. */
export const defaultTarget = 0.3;
const spacing = 0.15;

const clamp = (p: number) => Math.min(0.95, Math.max(0.01, Math.round(p * 100) / 100));

export function ocScenarios(doses: number, target: number): { id: string; truth: number[] }[] {
  const around = (mtd: number) => Array.from({ length: doses }, (_, j) => clamp(target + (j - mtd) * spacing));
  return [
    ...Array.from({ length: doses }, (_, m) => ({ id: `mtd-${m + 1}`, truth: around(m) })),
    { id: 'all-toxic', truth: around(-1) },
    { id: 'all-safe', truth: Array.from({ length: doses }, (_, j) => clamp(0.05 + 0.05 * j)) },
  ];
}

export function packetOc(design: Design, target: number | null): OcScenario[] {
  const t = target ?? defaultTarget;
  return ocScenarios(design.doses, t).map(({ id, truth }) => {
    const r = exactOC(design, truth, { target: t });
    // The scenarios are valid by construction: a failure here is a bug, not bad input.
    if (!r.ok) throw new Error(`OC of scenario ${id}: ${JSON.stringify(r.issues)}`);
    return { id, truth, report: r.value };
  });
}
