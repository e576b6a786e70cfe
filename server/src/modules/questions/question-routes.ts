import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import { bulkActionSchema, questionBodySchema, questionListQuerySchema } from './question-schema.js';
import type { QuestionService } from './question-service.js';

const idParams = z.object({ id: z.uuid() });
const saveBody = z.object({ question: questionBodySchema, topicId: z.uuid() });

export const questionRoutes: FastifyPluginAsyncZod<{ questions: QuestionService }> = async (
  app,
  { questions },
) => {
  app.get('/api/questions', { schema: { querystring: questionListQuerySchema } }, (request) =>
    questions.listQuestions(requireActor(request), request.query),
  );

  app.post('/api/questions', { schema: { body: saveBody } }, async (request, reply) =>
    reply.status(201).send({ question: await questions.createQuestion(requireActor(request), request.body) }),
  );

  // Registered before `/:id` routes only for readability: Fastify matches static segments first.
  app.get('/api/questions/tags', (request) => questions.listTags(requireActor(request)));

  app.post('/api/questions/bulk', { schema: { body: bulkActionSchema } }, (request) =>
    questions.bulkUpdate(requireActor(request), request.body),
  );

  app.get('/api/questions/:id', { schema: { params: idParams } }, async (request) => ({
    question: await questions.getQuestion(requireActor(request), request.params.id),
  }));

  app.put(
    '/api/questions/:id',
    { schema: { params: idParams, body: saveBody.extend({ changeNote: z.string().max(500).optional() }) } },
    async (request) => ({
      question: await questions.updateQuestion(requireActor(request), request.params.id, request.body),
    }),
  );

  app.get('/api/questions/:id/versions', { schema: { params: idParams } }, (request) =>
    questions.listVersions(requireActor(request), request.params.id),
  );

  app.post('/api/questions/:id/duplicate', { schema: { params: idParams } }, async (request, reply) =>
    reply
      .status(201)
      .send({ question: await questions.duplicateQuestion(requireActor(request), request.params.id) }),
  );

  app.post('/api/questions/:id/archive', { schema: { params: idParams } }, async (request) => ({
    question: await questions.setQuestionStatus(requireActor(request), request.params.id, 'archived'),
  }));

  app.post('/api/questions/:id/restore', { schema: { params: idParams } }, async (request) => ({
    question: await questions.setQuestionStatus(requireActor(request), request.params.id, 'active'),
  }));
};
