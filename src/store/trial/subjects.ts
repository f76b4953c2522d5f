// Subjects and their lifecycle. Every status change goes through the domain's transition table
// (src/domain/conduct/lifecycle.ts), so no code path can, say, dose a screen failure.
import { eq } from 'drizzle-orm';
import { checkTransition, type SubjectStatus } from '../../domain/conduct/index.ts';
import { issue } from '../../domain/result.ts';
import { type Actor, type AuditedTx, audited } from '../audit.ts';
import type { Db, Sql } from '../db.ts';
import { orm } from '../orm.ts';
import { type Subject, subject } from '../schema.ts';
import { ConductRefusal, InvalidInput, orRefuse } from './refusal.ts';

export interface NewSubject {
  readonly studyId: string;
  readonly siteId: string;
  readonly screeningNumber: string;
}

export function addSubject(db: Db, actor: Actor, input: NewSubject): Promise<Subject> {
  if (input.screeningNumber.trim() === '') throw new InvalidInput(issue(['screeningNumber'], 'required'));
  return audited(db, actor, (tx) => tx.insert(subject, { ...input, screeningNumber: input.screeningNumber.trim() }));
}

export async function subjectById(sql: Sql, id: string): Promise<Subject> {
  const [s] = await orm(sql).select().from(subject).where(eq(subject.id, id));
  if (!s) throw new ConductRefusal(issue(['subjectId'], 'subject_not_found', { subject: id }));
  return s;
}

export async function subjectByNumber(sql: Sql, studyId: string, screeningNumber: string): Promise<Subject> {
  const rows = await orm(sql).select().from(subject).where(eq(subject.studyId, studyId));
  const s = rows.find((r) => r.screeningNumber === screeningNumber);
  if (!s) throw new ConductRefusal(issue(['subject'], 'subject_not_found', { subject: screeningNumber }));
  return s;
}

/** Moves a subject along its lifecycle, inside the caller's transaction; refused transitions change nothing. */
export async function moveSubject(tx: AuditedTx, current: Subject, to: SubjectStatus, extra: Partial<Pick<Subject, 'doseLevel' | 'cohort' | 'enrolledOn'>> = {}): Promise<Subject> {
  orRefuse(checkTransition(current.status as SubjectStatus, to));
  return tx.update(subject, current.id, current.version, { status: to, ...extra });
}

/** Withdrawal, death, screen failure, completion: a status change with the actor's reason. */
export async function changeStatus(db: Db, actor: Actor, subjectId: string, to: SubjectStatus): Promise<Subject> {
  if (!actor.reason?.trim()) throw new InvalidInput(issue(['reason'], 'reason_required'));
  return audited(db, actor, async (tx) => moveSubject(tx, await subjectById(tx.sql, subjectId), to));
}
