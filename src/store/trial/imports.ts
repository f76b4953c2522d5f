// Imported values are proposals (issue 5 part 5): a bundle's or lab file's observations land with
// status `proposed`, tied to the import batch (file name, SHA-256, row: R-32), and count for
// nothing until a person accepts them (status `final`) or rejects them, each an audited change
// with the person's reason.
import { eq } from 'drizzle-orm';
import type { ObservationFact } from '../../domain/eligibility/index.ts';
import { issue } from '../../domain/result.ts';
import { type Actor, type AuditedTx, audited } from '../audit.ts';
import type { Db } from '../db.ts';
import type { Subject } from '../schema.ts';
import { importBatch, type ObservationKind, type ObservationRow, observation } from '../schema-conduct.ts';
import { ConductRefusal, InvalidInput } from './refusal.ts';

const vitalFeatures = new Set(['spo2', 'weight', 'lvef']);

/** Date-only clinical dates are stored as midnight UTC of that day. */
export const observedAt = (date: string) => new Date(date.length === 10 ? `${date}T00:00:00Z` : date);

function entryIndex(bundle: unknown): Map<string, number> {
  const index = new Map<string, number>();
  const entries = (bundle as { entry?: { resource?: { resourceType?: string; id?: string }; fullUrl?: string }[] }).entry ?? [];
  entries.forEach((e, i) => {
    if (e.resource?.id) index.set(`${e.resource.resourceType}/${e.resource.id}`, i + 1);
    if (e.fullUrl) index.set(e.fullUrl, i + 1);
  });
  return index;
}

function valueColumns(fact: ObservationFact): Pick<ObservationRow, 'valueNum' | 'valueText' | 'unit'> | null {
  const v = fact.value;
  if (v.kind === 'quantity') return { valueNum: v.quantity.value, valueText: null, unit: v.quantity.unit };
  if (v.kind === 'titer') return { valueNum: v.dilution, valueText: `1:${v.dilution}`, unit: 'titer' };
  if (v.kind === 'coded') return { valueNum: null, valueText: v.result, unit: null };
  return null;
}

export interface ImportInput {
  readonly subject: Subject;
  readonly kind: 'fhir-bundle' | 'lab-file';
  readonly fileName: string;
  readonly sha256: string;
  readonly bundle: unknown;
  readonly observations: readonly ObservationFact[];
}

/** Records the batch and one proposed observation per usable value; returns how many were proposed. */
export async function importFacts(tx: AuditedTx, input: ImportInput): Promise<number> {
  const rows = input.observations.map((fact) => ({ fact, columns: valueColumns(fact) })).filter((r) => r.columns !== null);
  const batch = await tx.insert(importBatch, {
    studyId: input.subject.studyId,
    subjectId: input.subject.id,
    kind: input.kind,
    fileName: input.fileName,
    sha256: input.sha256,
    items: rows.length,
  });
  const index = entryIndex(input.bundle);
  for (const { fact, columns } of rows)
    await tx.insert(observation, {
      subjectId: input.subject.id,
      kind: (vitalFeatures.has(fact.feature) ? 'vital' : 'lab') as ObservationKind,
      code: fact.feature,
      ...columns!,
      valueJson: { source: fact.source, ...(fact.code ? { code: fact.code } : {}) },
      refLow: fact.lln ?? null,
      refHigh: fact.uln ?? null,
      observedAt: observedAt(fact.date),
      status: 'proposed',
      source: 'import',
      importId: batch.id,
      importRow: index.get(fact.source) ?? null,
    });
  return rows.length;
}

/** Accepts (`final`) or rejects a proposed value, audited with the person; a rejection needs a reason. */
export async function decideProposal(db: Db, actor: Actor, observationId: string, decision: 'accept' | 'reject'): Promise<ObservationRow> {
  const reason = actor.reason?.trim();
  if (!reason && decision === 'reject') throw new InvalidInput(issue(['reason'], 'reason_required'));
  return audited(db, { user: actor.user, reason: reason || 'proposal accepted' }, async (tx) => {
    const [row] = await tx.orm.select().from(observation).where(eq(observation.id, observationId));
    if (!row) throw new ConductRefusal(issue(['observationId'], 'observation_not_found', { observation: observationId }));
    if (row.status !== 'proposed') throw new ConductRefusal(issue(['observationId'], 'not_proposed', { observation: observationId, status: row.status }));
    return tx.update(observation, row.id, row.version, { status: decision === 'accept' ? 'final' : 'rejected' });
  });
}
