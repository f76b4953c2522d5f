// Adverse events by grade and dose level (the packet's safety table): per dose level, the events
// of each grade and the subjects by the worst grade they had, as in the usual "worst grade per
// subject" tabulation of phase 1 safety reports. Events entered in error never reach this point.
import type { AeGradeRow, PacketAdverseEvent, PacketSubject } from './model.ts';

const grades = 5;

export function aeByGrade(events: readonly PacketAdverseEvent[], subjects: readonly PacketSubject[], doseLevels: number): AeGradeRow[] {
  return Array.from({ length: doseLevels }, (_, i) => {
    const level = i + 1;
    const at = events.filter((e) => e.doseLevel === level);
    const worst = new Map<string, number>();
    for (const e of at) worst.set(e.subject, Math.max(worst.get(e.subject) ?? 0, e.grade));
    const byGrade = (values: Iterable<number>) => {
      const counts = new Array<number>(grades).fill(0);
      for (const g of values) if (g >= 1 && g <= grades) counts[g - 1]! += 1;
      return counts;
    };
    return {
      level,
      dosed: subjects.filter((s) => s.doseLevel === level && s.firstDose !== null).length,
      events: byGrade(at.map((e) => e.grade)),
      subjectsByWorstGrade: byGrade(worst.values()),
      subjectsWithAe: worst.size,
      serious: at.filter((e) => e.serious).length,
      dlts: at.filter((e) => e.dlt === 'yes').length,
    };
  });
}
