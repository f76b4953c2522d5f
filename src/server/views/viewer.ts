// How one reader sees subjects: by screening number (site staff of the subject's site, study-wide
// roles), by pseudonym (sponsor viewer, who also sees no free text), or not at all (site staff
// of another site: R-11). Routes pass every subject they show through a Viewer.
import type { HeldRole } from '../../store/access/index.ts';
import type { SubjectListing } from '../../store/trial/index.ts';
import { pseudonym } from './pseudonym.ts';

export interface Viewer {
  /** Pseudonyms instead of screening numbers, and no free text. */
  readonly pseudonymised: boolean;
  /** Whether the reader may see this subject at all. */
  sees(subject: { readonly studyId: string; readonly siteId: string }): boolean;
  /** The name the reader knows the subject by. */
  label(subject: { readonly id: string; readonly screeningNumber: string }): string;
  /** Free text (reasons, answers, action taken), or null for a reader who gets none. */
  text(value: string | null): string | null;
}

export function viewerOf(grants: readonly HeldRole[], role: HeldRole | null): Viewer {
  const pseudonymised = role?.role === 'sponsor_viewer';
  return {
    pseudonymised,
    sees: (s) => grants.some((g) => g.studyId === s.studyId && (g.siteId === null || g.siteId === s.siteId)),
    label: (s) => (pseudonymised ? pseudonym(s.id) : s.screeningNumber),
    text: (value) => (pseudonymised ? null : value),
  };
}

/** A subject as the API shows it to this reader. */
export function subjectOut(v: Viewer, s: SubjectListing) {
  return {
    id: s.id,
    study: s.study,
    site: s.site,
    screeningNumber: v.label(s),
    pseudonymised: v.pseudonymised,
    status: s.status,
    doseLevel: s.doseLevel,
    cohort: s.cohort,
    enrolledOn: s.enrolledOn,
    version: s.version,
  };
}
