// The CONSORT-style flow of the packet (CONSORT 2010, Schulz et al., BMJ 2010;340:c332, Figure 1,
// adapted to a dose-escalation trial: allocation is by dose level and cohort, not at random).
// Each box counts subjects by where they are on the as-of date, so the boxes of one row add up
// to the box above them.
import type { ConsortFlow, PacketSubject } from './model.ts';

export function consortFlow(subjects: readonly PacketSubject[], doseLevels: number): ConsortFlow {
  const count = (pick: (s: PacketSubject) => boolean) => subjects.filter(pick).length;
  const enrolled = subjects.filter((s) => s.doseLevel !== null);
  const dosed = enrolled.filter((s) => s.firstDose !== null);
  const failed = subjects.filter((s) => s.status === 'screen_failed');
  const reasons = new Map<string, number>();
  for (const s of failed) for (const c of new Set(s.notMet)) reasons.set(c, (reasons.get(c) ?? 0) + 1);
  return {
    screened: subjects.length,
    screening: count((s) => s.status === 'screening'),
    screenFailed: failed.length,
    failureReasons: [...reasons].map(([criterion, n]) => ({ criterion, subjects: n })).sort((a, b) => b.subjects - a.subjects || a.criterion.localeCompare(b.criterion)),
    // Left during screening: withdrawn (or died) without a dose level.
    withdrawnBeforeEnrolment: count((s) => s.doseLevel === null && (s.status === 'withdrawn' || s.status === 'died')),
    enrolled: enrolled.length,
    awaitingDose: enrolled.filter((s) => s.firstDose === null && s.status === 'enrolled').length,
    leftBeforeDose: enrolled.filter((s) => s.firstDose === null && s.status !== 'enrolled').length,
    dosed: dosed.length,
    byLevel: Array.from({ length: doseLevels }, (_, i) => {
      const at = dosed.filter((s) => s.doseLevel === i + 1);
      const n = (pick: (s: PacketSubject) => boolean) => at.filter(pick).length;
      return {
        level: i + 1,
        dosed: at.length,
        dltPending: n((s) => s.dltWindow?.outcome === 'pending'),
        // A DLT adjudicated inside the window settles the outcome early; no DLT waits for the window's end.
        dltAssessed: n((s) => s.dltWindow?.outcome !== 'pending'),
        dlt: n((s) => s.dltWindow?.outcome === 'dlt'),
        onStudy: n((s) => s.status === 'dosed' || s.status === 'follow_up'),
        completed: n((s) => s.status === 'completed'),
        withdrawn: n((s) => s.status === 'withdrawn'),
        died: n((s) => s.status === 'died'),
      };
    }),
  };
}
