import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createClientGoneSignal } from '../../platform/http/client-gone.js';
import { requireActor } from '../../platform/http/session-auth.js';
import { draftSchema, settingsSchema } from './exam-draft.js';
import type { ExamService } from './exam-service.js';
import type { ScheduleService } from './schedule-service.js';

const idParams = z.object({ id: z.uuid() });
const MAX_AUTOFILL_RULES_PER_SECTION = 50;
const MAX_AUTOFILL_RULES = 200;
const isoDate = z.iso.datetime({ offset: true });

export const examRoutes: FastifyPluginAsyncZod<{ exams: ExamService; schedules: ScheduleService }> = async (
  app,
  { exams, schedules },
) => {
  app.get('/api/exam-templates', async (request) => {
    return { items: exams.listTemplates(requireActor(request)) };
  });

  app.get(
    '/api/exams',
    {
      schema: {
        querystring: z.object({
          status: z.enum(['draft', 'published', 'scheduled', 'live', 'ended']).optional(),
        }),
      },
    },
    async (request) => ({ items: await exams.listExams(requireActor(request), request.query.status) }),
  );

  app.post(
    '/api/exams',
    {
      schema: {
        body: z.object({
          title: z.string().trim().min(1).max(200),
          templateId: z.string().max(64).optional(),
          templateVersion: z.number().int().min(1).max(9999).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ exam: await exams.createExam(requireActor(request), request.body) }),
  );

  app.get('/api/exams/:id', { schema: { params: idParams } }, async (request) => ({
    exam: await exams.getExam(requireActor(request), request.params.id),
  }));

  app.put(
    '/api/exams/:id/draft',
    { schema: { params: idParams, body: draftSchema.extend({ title: z.string().trim().min(1).max(200) }) } },
    async (request) => ({
      exam: await exams.saveDraft(requireActor(request), request.params.id, request.body),
    }),
  );

  app.put(
    '/api/exams/:id/settings',
    { schema: { params: idParams, body: settingsSchema } },
    async (request) => ({
      exam: await exams.saveSettings(requireActor(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/api/exams/:id/autofill',
    {
      schema: {
        params: idParams,
        body: z.object({
          sections: z
            .array(
              z.object({
                sectionId: z.string().min(1).max(64),
                rules: z
                  .array(
                    z.object({
                      subjectId: z.uuid().optional(),
                      chapterId: z.uuid().optional(),
                      topicId: z.uuid().optional(),
                      difficulty: z.enum(['easy', 'medium', 'hard']).optional(),
                      count: z.number().int().min(1).max(500),
                    }),
                  )
                  .min(1)
                  .max(MAX_AUTOFILL_RULES_PER_SECTION),
              }),
            )
            .min(1)
            .max(30)
            // Each rule is one query over the bank inside the draft's transaction: 30 x 100 rules
            // ran for minutes. A blueprint rarely needs more than a rule per chapter.
            .refine((sections) => sections.reduce((n, s) => n + s.rules.length, 0) <= MAX_AUTOFILL_RULES, {
              message: `At most ${MAX_AUTOFILL_RULES} rules in one auto-select.`,
            }),
          excludeUsedInLastExams: z.number().int().min(0).max(100).optional(),
          excludeUsedForBatchIds: z.array(z.uuid()).max(200).optional(),
          replaceExisting: z.boolean().optional(),
        }),
      },
    },
    (request, reply) =>
      exams.autofill(requireActor(request), request.params.id, request.body, createClientGoneSignal(reply)),
  );

  app.get(
    '/api/exams/:id/similar',
    { schema: { params: idParams, querystring: z.object({ questionId: z.uuid() }) } },
    async (request) => ({
      items: await exams.findSimilar(requireActor(request), request.params.id, request.query.questionId),
    }),
  );

  app.get(
    '/api/exams/:id/preview',
    {
      schema: {
        params: idParams,
        querystring: z.object({ seed: z.string().min(1).max(100).default('sample-candidate-1') }),
      },
    },
    (request) => exams.preview(requireActor(request), request.params.id, request.query.seed),
  );

  app.post('/api/exams/:id/publish', { schema: { params: idParams } }, async (request) => ({
    exam: await exams.publish(requireActor(request), request.params.id),
  }));
  app.post('/api/exams/:id/unpublish', { schema: { params: idParams } }, async (request) => ({
    exam: await exams.unpublish(requireActor(request), request.params.id),
  }));

  app.put(
    '/api/exams/:id/schedule',
    {
      schema: {
        params: idParams,
        body: z.object({
          mode: z.enum(['fixed', 'window']),
          startsAt: isoDate,
          windowEndsAt: isoDate.optional(),
          batchIds: z.array(z.uuid()).max(200),
          studentIds: z.array(z.uuid()).max(20_000),
          registration: z.object({
            required: z.boolean(),
            deadline: isoDate.optional(),
            capacity: z.number().int().min(1).max(1_000_000).optional(),
          }),
          accommodations: z
            .array(
              z.object({ userId: z.uuid(), compensatoryMinutesPerHour: z.number().int().min(0).max(60) }),
            )
            .max(20_000),
        }),
      },
    },
    async (request) => ({
      exam: await schedules.saveSchedule(requireActor(request), request.params.id, request.body),
    }),
  );

  app.get('/api/my/exams', (request) => schedules.listMyExams(requireActor(request)));
  app.post('/api/exams/:id/register', { schema: { params: idParams } }, (request) =>
    schedules.register(requireActor(request), request.params.id),
  );
};
