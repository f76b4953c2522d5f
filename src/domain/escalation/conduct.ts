// Protocol conduct rules that the *trial layer* applies around the engine (who may be dosed when),
// carried in every design's config so that one protocol document holds them. The engine never
// applies them: it decides from outcomes only, and returns `wait` while pending outcomes matter.
import { z } from 'zod';

export const Conduct = z.strictObject({
  /**
   * Sentinel dosing: at a newly opened dose the first `count` patient(s) are dosed alone and
   * observed for `waitDays` days before the rest of the cohort is dosed.
   */
  sentinel: z.strictObject({ count: z.int().min(1), waitDays: z.number().min(0) }).nullable().default(null),
  /** Whether the whole cohort must complete its DLT window before any escalation. */
  cohortCompleteBeforeEscalation: z.boolean().default(true),
});
export type Conduct = z.infer<typeof Conduct>;

export const defaultConduct: Conduct = { sentinel: null, cohortCompleteBeforeEscalation: true };
