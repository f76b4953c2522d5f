// What the FHIR mappers read: plain rows loaded in one snapshot (load-export-data.ts), so every
// mapper is a pure function of them and is tested without a database.
import type { Protocol } from '../../domain/protocol/index.ts';
import type { Site, Study, Subject } from '../../store/schema.ts';
import type { AdverseEventRow, DoseRow, ObservationRow } from '../../store/schema-conduct.ts';

export interface Demographics {
  /** administrative-gender, when the screening record named it. */
  readonly sex?: 'female' | 'male' | 'other' | 'unknown';
  /** The year only: the full birth date identifies. */
  readonly birthYear?: string;
}

export interface SubjectData {
  readonly subject: Subject;
  readonly demographics: Demographics;
}

export interface ExportData {
  readonly study: Study;
  readonly protocol: Protocol;
  readonly sites: readonly Site[];
  readonly subjects: readonly SubjectData[];
  /** Final observations only: proposals, rejected values and entries in error are not the record. */
  readonly observations: readonly ObservationRow[];
  /** Doses given (entries in error left out). */
  readonly doses: readonly DoseRow[];
  /** Active adverse events (entries in error left out). */
  readonly adverseEvents: readonly AdverseEventRow[];
}
