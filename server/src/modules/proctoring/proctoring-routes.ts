import { PROCTOR_DECISIONS, PROCTOR_EVENT_KINDS } from '@examtech/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import type { ProctoringRoom } from './proctoring-room.js';
import { EVIDENCE_LIMITS, type ProctoringSignals } from './proctoring-signals.js';
import { eventBatchSchema } from './proctoring-socket.js';
import { EVIDENCE_KINDS, PROCTOR_ACTION_KINDS } from './proctoring-types.js';

const idParams = z.object({ id: z.uuid() });
const reason = z.string().trim().min(1).max(500);

const actionSchema = z
  .object({
    kind: z.enum(PROCTOR_ACTION_KINDS),
    reason,
    text: z.string().trim().min(1).max(500).optional(),
    minutes: z.number().int().min(1).max(120).optional(),
  })
  .refine((a) => a.kind !== 'extend' || a.minutes !== undefined, {
    path: ['minutes'],
    message: 'Required to extend.',
  })
  .refine((a) => (a.kind !== 'message' && a.kind !== 'warn') || a.text !== undefined, {
    path: ['text'],
    message: 'Required for a message or a warning.',
  });

export const proctoringRoutes: FastifyPluginAsyncZod<{
  proctorSignals: ProctoringSignals;
  proctorRoom: ProctoringRoom;
}> = async (app, { proctorSignals: signals, proctorRoom: room }) => {
  // The candidate's side: the socket's events over HTTP (a journal flushed without a socket) and evidence.
  app.post(
    '/api/attempts/:id/proctoring/events',
    { schema: { params: idParams, body: eventBatchSchema } },
    (request) => signals.recordEvents(requireActor(request), request.params.id, request.body.events),
  );

  app.post(
    '/api/attempts/:id/proctoring/evidence',
    {
      schema: {
        params: idParams,
        body: z.object({
          kind: z.enum(EVIDENCE_KINDS),
          contentType: z.string().trim().toLowerCase().min(1).max(100),
          bytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
          takenAt: z.number().int().nonnegative(),
          seq: z.number().int().min(0).max(100_000).optional(),
          recordingId: z.uuid().optional(),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await signals.createEvidence(
            requireActor(request),
            request.params.id,
            request.body,
            request.session?.csrfToken ?? '',
          ),
        ),
  );

  // Without S3 the bytes come through here, raw, at most the largest kind's limit.
  await app.register(async (raw) => {
    raw.addContentTypeParser(
      ['image/jpeg', 'image/webp', 'video/webm'],
      { parseAs: 'buffer', bodyLimit: EVIDENCE_LIMITS.screen },
      (_request, body, done) => done(null, body),
    );
    raw.put(
      '/api/proctoring/evidence/:id/content',
      { schema: { params: idParams } },
      async (request, reply) => {
        const { id } = request.params as z.infer<typeof idParams>;
        await signals.putEvidenceContent(requireActor(request), id, request.body as Buffer);
        return reply.status(204).send();
      },
    );
  });

  app.post('/api/proctoring/evidence/:id/complete', { schema: { params: idParams } }, (request) =>
    signals.completeEvidence(requireActor(request), request.params.id),
  );

  // The proctors' side.
  app.get('/api/proctoring/exams', (request) => room.listExams(requireActor(request)));

  app.get(
    '/api/proctoring/exams/:id/candidates',
    {
      schema: {
        params: idParams,
        querystring: z.object({
          filter: z.enum(['all', 'flagged', 'offline']).default('all'),
          batchId: z.uuid().optional(),
          cursor: z.coerce.number().int().min(0).max(1_000_000).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(200),
        }),
      },
    },
    (request) => room.listCandidates(requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/api/proctoring/attempts/:id/actions',
    { schema: { params: idParams, body: actionSchema } },
    (request) => room.act(requireActor(request), request.params.id, request.body),
  );

  app.get('/api/proctoring/attempts/:id/review', { schema: { params: idParams } }, (request) =>
    room.review(requireActor(request), request.params.id),
  );

  app.get(
    '/api/proctoring/evidence/:id/content',
    { schema: { params: idParams } },
    async (request, reply) => {
      const evidence = await room.openEvidence(requireActor(request), request.params.id);
      return (
        reply
          .type(evidence.contentType)
          .header('content-length', evidence.size)
          .header('x-content-type-options', 'nosniff')
          // Evidence is personal data: never kept by a shared cache, and each view is logged.
          .header('cache-control', 'private, no-store')
          .send(evidence.body)
      );
    },
  );

  app.put(
    '/api/proctoring/exams/:id/weights',
    {
      schema: {
        params: idParams,
        body: z.object({ weights: z.partialRecord(z.enum(PROCTOR_EVENT_KINDS), z.number().min(0).max(10)) }),
      },
    },
    (request) => room.setWeights(requireActor(request), request.params.id, request.body.weights),
  );

  app.put(
    '/api/proctoring/attempts/:id/decision',
    { schema: { params: idParams, body: z.object({ decision: z.enum(PROCTOR_DECISIONS), reason }) } },
    (request) => room.decide(requireActor(request), request.params.id, request.body),
  );
};
