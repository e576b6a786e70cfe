import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import type { KeyRevisionInput, KeyRevisionService } from './key-revision-service.js';

const idParams = z.object({ id: z.uuid() });
// The key's shape per question type is the core's check (validateKey: 422 REVISION_INVALID_KEY).
const key = z.record(z.string().max(40), z.unknown());
const reason = z.string().trim().min(1).max(2000);

const revisionBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('change_key'), questionId: z.uuid(), key, reason }),
  z.object({
    kind: z.literal('accept_keys'),
    questionId: z.uuid(),
    keys: z.array(key).min(1).max(30),
    reason,
  }),
  z.object({
    kind: z.literal('drop'),
    questionId: z.uuid(),
    award: z.enum(['everyone', 'attempted']),
    reason,
  }),
]);

export const keyRevisionRoutes: FastifyPluginAsyncZod<{ revisions: KeyRevisionService }> = async (
  app,
  { revisions },
) => {
  app.get('/api/exams/:id/key-revisions', { schema: { params: idParams } }, async (request) => ({
    revisions: await revisions.list(requireActor(request), request.params.id),
  }));

  app.post(
    '/api/exams/:id/key-revisions',
    { schema: { params: idParams, body: revisionBody } },
    async (request) => ({
      revision: await revisions.revise(
        requireActor(request),
        request.params.id,
        request.body as KeyRevisionInput,
      ),
    }),
  );
};
