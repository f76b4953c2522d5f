// Screening a subject from a FHIR bundle: the eligibility evaluation is stored as a snapshot with
// the protocol version it used, and the bundle's observations are imported as proposals that a
// person accepts or rejects (imports.ts). A not-eligible result does not fail the subject by
// itself: the investigator decides (changeStatus to screen_failed, with a reason).
import { createHash } from 'node:crypto';
import { evaluateProtocol, type ScreeningResult } from '../../domain/eligibility/index.ts';
import { issue, nestIssues } from '../../domain/result.ts';
import { bundleToRecord, type CodeTables, defaultCodeTables } from '../../fhir/index.ts';
import { type Actor, audited } from '../audit.ts';
import type { Db } from '../db.ts';
import { type ScreeningResultRow, screeningResult } from '../schema-conduct.ts';
import { importFacts } from './imports.ts';
import { ConductRefusal, InvalidInput, orInvalid } from './refusal.ts';
import { protocolInForce } from './study.ts';
import { subjectById } from './subjects.ts';

const outcomeOf = { yes: 'eligible', no: 'not-eligible', undetermined: 'undetermined' } as const;

export interface ScreenInput {
  readonly subjectId: string;
  /** The bundle's text exactly as received: its SHA-256 is kept with the result and the import. */
  readonly bundleText: string;
  readonly fileName: string;
  readonly asOf: string;
  readonly tables?: CodeTables;
}

export interface Screened {
  readonly row: ScreeningResultRow;
  readonly result: ScreeningResult;
  readonly proposals: number;
}

export async function screenSubject(db: Db, actor: Actor, input: ScreenInput): Promise<Screened> {
  let bundle: unknown;
  try {
    bundle = JSON.parse(input.bundleText);
  } catch (e) {
    throw new InvalidInput(issue(['bundle'], 'invalid_json', { detail: (e as Error).message }));
  }
  // Paths inside the bundle, under the field that holds it (as its invalid_json is).
  const read = bundleToRecord(bundle, input.tables ?? defaultCodeTables());
  const record = orInvalid(read.ok ? read : { ok: false, issues: nestIssues(['bundle'], read.issues) });
  const sha256 = createHash('sha256').update(input.bundleText).digest('hex');
  return audited(db, actor, async (tx) => {
    const s = await subjectById(tx.sql, input.subjectId);
    if (s.status !== 'screening') throw new ConductRefusal(issue(['subjectId'], 'not_screening', { subject: s.screeningNumber, status: s.status }));
    const { row: pv, protocol } = await protocolInForce(tx.sql, s.studyId, input.asOf);
    const result = evaluateProtocol(protocol, record, input.asOf);
    const row = await tx.insert(screeningResult, {
      subjectId: s.id,
      protocolVersionId: pv.id,
      asOf: result.asOf,
      outcome: outcomeOf[result.eligible],
      evaluation: result,
      sourceHash: sha256,
    });
    const proposals = await importFacts(tx, { subject: s, kind: 'fhir-bundle', fileName: input.fileName, sha256, bundle, observations: record.observations });
    return { row, result, proposals };
  });
}
