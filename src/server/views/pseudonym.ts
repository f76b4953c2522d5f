// What a sponsor viewer sees instead of a screening number: a pseudonym that stays the same for
// the subject across pages and restarts, and cannot be turned back into the number without the
// database. It is derived from the subject's random id, which carries no information itself.
import { createHash } from 'node:crypto';

export const pseudonym = (subjectId: string) => `P-${createHash('sha256').update(`firstdose-pseudonym:${subjectId.toLowerCase()}`).digest('hex').slice(0, 8).toUpperCase()}`;
