import { MAX_CHALLENGE_REASON_LENGTH, MAX_TEXT_ANSWER_LENGTH, type Answer } from '@examtech/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import type { ChallengeDecision, KeyChallengeService } from './key-challenge-service.js';

const idParams = z.object({ id: z.uuid() });
const reason = z.string().trim().min(1).max(MAX_CHALLENGE_REASON_LENGTH);
// The envelope of each answer type, bounded; whether its ids exist in the question is the core's
// check (validateAnswer: 422 CHALLENGE_INVALID_ANSWER).
const optionId = z.string().min(1).max(64);
const optionIds = z.array(optionId).max(26);
const claimedAnswer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mcq_single'), optionIds }),
  z.object({ type: z.literal('mcq_multi'), optionIds }),
  z.object({ type: z.literal('numerical'), value: z.string().trim().min(1).max(64) }),
  z.object({ type: z.literal('tita'), text: z.string().trim().min(1).max(MAX_TEXT_ANSWER_LENGTH) }),
  z.object({ type: z.literal('assertion_reason'), optionId }),
  z.object({
    type: z.literal('matrix_match'),
    matches: z.record(optionId, optionIds).refine((m) => Object.keys(m).length <= 26, 'Too many rows.'),
  }),
]) as unknown as z.ZodType<Answer>;
// The key's shape per question type is the core's check (validateKey: 422 REVISION_INVALID_KEY).
const key = z.record(z.string().max(40), z.unknown());
const revision = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('change_key'), key }),
  z.object({ kind: z.literal('accept_keys'), keys: z.array(key).min(1).max(30) }),
  z.object({ kind: z.literal('drop'), award: z.enum(['everyone', 'attempted']) }),
]);
const decisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), revision, reason }),
  z.object({ decision: z.literal('reject'), reason }),
]);

// The close as an instant, or as hours from the server's now (what the teacher's form picks: the
// browser's clock may be off). Not both.
const publishBody = z
  .object({
    challengesCloseAt: z.iso.datetime({ offset: true }).optional(),
    challengeWindowHours: z.number().int().min(1).max(720).optional(),
  })
  .refine((body) => body.challengesCloseAt === undefined || body.challengeWindowHours === undefined, {
    message: 'Give the close time or the window length, not both.',
  });

export const keyChallengeRoutes: FastifyPluginAsyncZod<{ challenges: KeyChallengeService }> = async (
  app,
  { challenges },
) => {
  app.get('/api/exams/:id/provisional-key', { schema: { params: idParams } }, async (request) => ({
    provisionalKey: await challenges.read(requireActor(request), request.params.id),
  }));

  app.post(
    '/api/exams/:id/provisional-key',
    {
      schema: {
        params: idParams,
        body: publishBody,
      },
    },
    async (request) => ({
      provisionalKey: await challenges.publish(requireActor(request), request.params.id, request.body),
    }),
  );

  app.get('/api/exams/:id/challenges', { schema: { params: idParams } }, async (request) =>
    challenges.list(requireActor(request), request.params.id),
  );

  app.post(
    '/api/exams/:id/challenges',
    {
      schema: {
        params: idParams,
        body: z.object({ questionId: z.uuid(), reason, claimedAnswer: claimedAnswer.nullable().optional() }),
      },
    },
    async (request, reply) => {
      const challenge = await challenges.challenge(requireActor(request), request.params.id, request.body);
      return reply.code(201).send({ challenge });
    },
  );

  // A POST, not a DELETE: a withdrawn challenge stays on record (status withdrawn).
  app.post(
    '/api/exams/:id/challenges/:challengeId/withdraw',
    { schema: { params: z.object({ id: z.uuid(), challengeId: z.uuid() }) } },
    async (request) => ({
      challenge: await challenges.withdraw(
        requireActor(request),
        request.params.id,
        request.params.challengeId,
      ),
    }),
  );

  app.post(
    '/api/exams/:id/challenges/questions/:questionId/decision',
    { schema: { params: z.object({ id: z.uuid(), questionId: z.uuid() }), body: decisionBody } },
    async (request) =>
      challenges.decide(
        requireActor(request),
        request.params.id,
        request.params.questionId,
        request.body as ChallengeDecision,
      ),
  );
};
