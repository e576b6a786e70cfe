import { DIFFICULTIES, QUESTION_TYPES } from '@examtech/core';
import { z } from 'zod';

/**
 * The JSON shape of a question as the API accepts it (the core's `validateQuestion` then checks
 * its meaning). `id` and `classification` are not part of it: the server owns the id and the topic
 * gives the classification, so both are ignored when a client sends them.
 */
const choiceId = z.string().trim().min(1).max(40);
const markdown = (max: number) => z.string().max(max);
const localizedChoice = z.object({ id: choiceId, text: markdown(10_000) });
const decimalValue = z.union([z.number().finite(), z.string().trim().min(1).max(40)]);

const contentSchema = z.object({
  stem: markdown(50_000),
  options: z.array(localizedChoice).max(26).optional(),
  rows: z.array(localizedChoice).max(26).optional(),
  columns: z.array(localizedChoice).max(26).optional(),
  assertion: markdown(10_000).optional(),
  reason: markdown(10_000).optional(),
  solution: markdown(50_000).optional(),
});

const common = {
  content: z.record(z.string().min(1).max(16), contentSchema),
  difficulty: z.enum(DIFFICULTIES),
  tags: z.array(z.string().max(60)).max(30).default([]),
  source: z.string().trim().max(300).nullish(),
  groupId: z.string().trim().max(100).nullish(),
  images: z
    .array(z.object({ id: z.string().trim().min(1).max(100), alt: z.string().max(500).optional() }))
    .max(50)
    .optional(),
};
const optionSpecs = z.array(z.object({ id: choiceId, fixed: z.boolean().optional() })).max(26);
const choiceSpecs = z.array(z.object({ id: choiceId })).max(26);

export const questionBodySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('mcq_single'),
    ...common,
    options: optionSpecs,
    key: z.object({ optionId: choiceId }),
  }),
  z.object({
    type: z.literal('mcq_multi'),
    ...common,
    options: optionSpecs,
    key: z.object({ optionIds: z.array(choiceId).max(26) }),
  }),
  z.object({
    type: z.literal('numerical'),
    ...common,
    format: z
      .object({
        integerOnly: z.boolean().optional(),
        decimals: z.number().int().optional(),
        rounding: z.enum(['truncate', 'round', 'truncate_or_round']).optional(),
      })
      .default({}),
    key: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('exact'), value: decimalValue }),
      z.object({ kind: z.literal('tolerance'), value: decimalValue, tolerance: decimalValue }),
      z.object({ kind: z.literal('range'), min: decimalValue, max: decimalValue }),
    ]),
  }),
  z.object({
    type: z.literal('matrix_match'),
    ...common,
    rows: choiceSpecs,
    columns: choiceSpecs,
    allowMultiplePerRow: z.boolean().default(false),
    key: z.object({ matches: z.record(choiceId, z.array(choiceId).max(26)) }),
  }),
  z.object({
    type: z.literal('assertion_reason'),
    ...common,
    key: z.object({ optionId: z.string().max(40) }),
  }),
  z.object({
    type: z.literal('tita'),
    ...common,
    key: z.object({ accepted: z.array(z.string().max(200)).max(20), compare: z.enum(['text', 'number']) }),
  }),
]);
export type QuestionBody = z.infer<typeof questionBodySchema>;

const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u, 'A language code such as "en" or "hi".');
const optionalUuid = z.uuid().optional();

/** The list filter; also used by the export routes so an export gives exactly what the list shows. */
export const questionListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  subjectId: optionalUuid,
  chapterId: optionalUuid,
  topicId: optionalUuid,
  type: z.enum(QUESTION_TYPES).optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  /** Comma-separated; a question must carry every listed tag. */
  tags: z
    .string()
    .max(2000)
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map(normaliseTag)
        .filter((tag) => tag !== ''),
    ),
  language: languageCode.optional(),
  missingLanguage: languageCode.optional(),
  notUsedInLastExams: z.coerce.number().int().min(1).max(1000).optional(),
  status: z.enum(['active', 'archived']).default('active'),
  sort: z.enum(['updated', 'created']).default('updated'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type QuestionListQuery = z.output<typeof questionListQuerySchema>;
/** The filter part of the list query (export ignores paging). */
export type QuestionFilter = Omit<QuestionListQuery, 'page' | 'pageSize'> &
  Partial<Pick<QuestionListQuery, 'page' | 'pageSize'>>;

export const bulkActionSchema = z.object({
  ids: z.array(z.uuid()).min(1).max(500),
  action: z.enum(['tag', 'untag', 'move', 'archive', 'restore']),
  tags: z.array(z.string().max(60)).max(30).optional(),
  topicId: z.uuid().optional(),
});
export type BulkAction = z.infer<typeof bulkActionSchema>;

/** Tags are trimmed, single-spaced and lower-cased, so "PYQ" and "pyq " are one tag. */
export function normaliseTag(tag: string): string {
  return tag.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}
