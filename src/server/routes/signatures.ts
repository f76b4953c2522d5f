// Signatures and audit trails of single records: sign a record with one's own password (the
// store checks that one of the signer's roles may sign with that meaning, R-29), read a
// record's signatures with their status (valid, or broken by a later change: R-26), and read
// its audit trail.
import { z } from 'zod';
import { signaturesOf, sign } from '../../store/access/index.ts';
import { SignatureMeaning } from '../../store/schema-conduct.ts';
import { auditTrailOf } from '../../store/trial/index.ts';
import type { ServerContext } from '../context.ts';
import { toJson } from '../json.ts';
import { answers, OutInstant, Password, Signature, Uuid } from '../schemas.ts';
import type { Api } from './api.ts';

const RecordParams = z.object({ table: z.string(), id: z.string() });

const AuditEntry = z
  .object({
    seq: z.int(),
    operation: z.enum(['INSERT', 'UPDATE', 'DELETE']),
    field: z.string().nullable(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    user: z.string(),
    recordedAt: OutInstant,
    reason: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export function signatureRoutes(api: Api, ctx: ServerContext): void {
  const tags = ['signatures'];

  api.post(
    '/api/signatures',
    {
      schema: {
        tags,
        body: z.object({ table: z.string().min(1), rowId: Uuid, meaning: z.enum(SignatureMeaning.filter((m) => m !== 'signature-attestation')), password: Password }),
        response: answers({ 201: Signature }),
      },
    },
    async (request, reply) => {
      const { table, rowId, meaning, password } = request.body;
      const s = await sign(ctx.db, { username: request.access.session!.username, password }, { table, rowId, meaning }, ctx.policy);
      return reply.code(201).send(toJson({ ...s, status: 'valid' as const }));
    },
  );

  api.get('/api/records/:table/:id/signatures', { schema: { tags, params: RecordParams, response: answers({ 200: z.array(Signature) }) } }, async (request) =>
    toJson(await signaturesOf(ctx.db, request.params.table, request.params.id)),
  );

  api.get('/api/records/:table/:id/audit', { schema: { tags: ['audit'], params: RecordParams, response: answers({ 200: z.array(AuditEntry) }) } }, async (request) =>
    toJson(await auditTrailOf(ctx.db, request.params.table, request.params.id)),
  );
}
