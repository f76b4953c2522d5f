// A study in the store: registered from its protocol file (the study, its sites, the protocol
// version), amended by new protocol versions. The protocol content is stored whole, so every
// screening result and decision can name, and later show, the exact version it used.
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { Protocol } from '../../domain/protocol/index.ts';
import { issue } from '../../domain/result.ts';
import { type Actor, audited } from '../audit.ts';
import type { Db, Sql } from '../db.ts';
import { orm } from '../orm.ts';
import { site, study, type Site, type Study } from '../schema.ts';
import { type ProtocolVersionRow, protocolVersion } from '../schema-conduct.ts';
import { ConductRefusal } from './refusal.ts';

export const protocolHash = (protocol: Protocol) => createHash('sha256').update(JSON.stringify(protocol)).digest('hex');

export interface RegisteredStudy {
  readonly study: Study;
  readonly sites: readonly Site[];
  readonly protocolVersion: ProtocolVersionRow;
}

/** Creates the study, one site per protocol site, and the protocol's first version. */
export async function registerStudy(db: Db, actor: Actor, protocol: Protocol): Promise<RegisteredStudy> {
  return audited(db, actor, async (tx) => {
    const s = await tx.insert(study, { code: protocol.id, title: protocol.identity.title.en });
    const sites = [];
    for (const st of protocol.identity.sites) sites.push(await tx.insert(site, { studyId: s.id, code: st.id, name: st.name.en }));
    const pv = await tx.insert(protocolVersion, {
      studyId: s.id,
      protocolId: protocol.id,
      label: protocol.version,
      effectiveDate: protocol.effectiveDate,
      content: protocol,
      contentHash: protocolHash(protocol),
    });
    return { study: s, sites, protocolVersion: pv };
  });
}

/** An amendment: a new protocol version, in force from its effective date; earlier results keep theirs. */
export async function amendProtocol(db: Db, actor: Actor, studyId: string, protocol: Protocol): Promise<ProtocolVersionRow> {
  return audited(db, actor, async (tx) => {
    const [s] = await tx.orm.select().from(study).where(eq(study.id, studyId));
    if (!s) throw new ConductRefusal(issue(['studyId'], 'study_not_found', { study: studyId }));
    if (s.code !== protocol.id) throw new ConductRefusal(issue(['protocol', 'id'], 'protocol_mismatch', { study: s.code, protocol: protocol.id }));
    const existing = await tx.orm.select().from(protocolVersion).where(and(eq(protocolVersion.studyId, studyId), eq(protocolVersion.label, protocol.version)));
    if (existing.length > 0) throw new ConductRefusal(issue(['protocol', 'version'], 'protocol_version_exists', { version: protocol.version }));
    return tx.insert(protocolVersion, {
      studyId,
      protocolId: protocol.id,
      label: protocol.version,
      effectiveDate: protocol.effectiveDate,
      content: protocol,
      contentHash: protocolHash(protocol),
    });
  });
}

export interface ProtocolInForce {
  readonly row: ProtocolVersionRow;
  readonly protocol: Protocol;
}

/** The version in force on a date: the latest effective on or before it (the first, before any). */
export async function protocolInForce(sql: Sql, studyId: string, onDate?: string): Promise<ProtocolInForce> {
  const rows = await orm(sql).select().from(protocolVersion).where(eq(protocolVersion.studyId, studyId)).orderBy(desc(protocolVersion.effectiveDate), desc(protocolVersion.createdAt));
  if (rows.length === 0) throw new ConductRefusal(issue(['studyId'], 'study_not_found', { study: studyId }));
  const row = rows.find((r) => onDate === undefined || r.effectiveDate <= onDate) ?? rows.at(-1)!;
  // Stored content was validated when stored; parsing again restores defaults and types.
  return { row, protocol: Protocol.parse(row.content) };
}

export async function studyByCode(sql: Sql, code: string): Promise<Study> {
  const [s] = await orm(sql).select().from(study).where(eq(study.code, code));
  if (!s) throw new ConductRefusal(issue(['study'], 'study_not_found', { study: code }));
  return s;
}

export async function siteByCode(sql: Sql, studyId: string, code: string): Promise<Site> {
  const [s] = await orm(sql).select().from(site).where(and(eq(site.studyId, studyId), eq(site.code, code)));
  if (!s) throw new ConductRefusal(issue(['site'], 'site_not_found', { site: code }));
  return s;
}
