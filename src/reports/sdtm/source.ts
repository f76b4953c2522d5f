// What the SDTM mapping reads: the trial's rows as the store keeps them, already narrowed to what
// counts (final observations, given doses, active adverse events). The mapping functions take
// this and nothing else, so they are pure and testable on hand-built trials.
import type { Protocol } from '../../domain/protocol/index.ts';
import type { AdverseEventRow, DoseRow, ObservationRow, ScreeningResultRow, VisitRow } from '../../store/schema-conduct.ts';
import type { Subject } from '../../store/index.ts';

export interface ProtocolVersionSource {
  readonly label: string;
  readonly effectiveDate: string;
  readonly protocol: Protocol;
}

/** A subject status change as the audit trail records it (server time, the person's reason). */
export interface StatusChange {
  readonly subjectId: string;
  readonly status: string;
  readonly at: Date;
  readonly reason: string | null;
}

export interface TrialSource {
  readonly study: { readonly code: string; readonly title: string };
  /** Oldest first; the last is the protocol in force. */
  readonly protocols: readonly ProtocolVersionSource[];
  readonly sites: ReadonlyArray<{ readonly id: string; readonly code: string }>;
  readonly subjects: readonly Subject[];
  readonly screenings: readonly ScreeningResultRow[];
  readonly visits: readonly VisitRow[];
  readonly observations: readonly ObservationRow[];
  readonly doses: readonly DoseRow[];
  readonly adverseEvents: readonly AdverseEventRow[];
  readonly statusChanges: readonly StatusChange[];
  /** The export's date (site calendar): the data cut-off. */
  readonly asOf: string;
}

/** The protocol in force: the latest version. */
export const currentProtocol = (source: TrialSource): Protocol => source.protocols.at(-1)!.protocol;
