// Looking a subject up for a gate: an unknown id is a refusal like any other, not a crash.
import { fail, issue, ok, type Result } from '../result.ts';
import type { ConductState, ConductSubject } from './state.ts';

export function findSubject(state: ConductState, subjectId: string): Result<ConductSubject> {
  const subject = state.subjects.find((s) => s.id === subjectId);
  return subject ? ok(subject) : fail(issue(['subjectId'], 'unknown_subject', { subject: subjectId }));
}
