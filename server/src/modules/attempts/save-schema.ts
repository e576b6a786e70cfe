import { MAX_TEXT_ANSWER_LENGTH, PALETTE_STATES, type Answer } from '@examtech/core';
import { z } from 'zod';

// The envelope of each answer type, bounded. Unknown properties are dropped here (and the core's
// normaliser copies only its type's fields before storing); whether the ids exist in the question
// is the core's check (validateAnswer), per save. Bounds are loose enough that an answer the core
// would refuse (a TITA answer a little too long) gets its per-save INVALID_ANSWER, not a failed batch.
const id = z.string().min(1).max(64);
const ids = z.array(id).max(26);
const answerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mcq_single'), optionIds: ids }),
  z.object({ type: z.literal('mcq_multi'), optionIds: ids }),
  z.object({ type: z.literal('numerical'), value: z.string().max(64) }),
  z.object({ type: z.literal('tita'), text: z.string().max(MAX_TEXT_ANSWER_LENGTH * 4) }),
  z.object({ type: z.literal('assertion_reason'), optionId: id }),
  z.object({
    type: z.literal('matrix_match'),
    matches: z.record(id, ids).refine((m) => Object.keys(m).length <= 26, 'Too many rows.'),
  }),
]) as unknown as z.ZodType<Answer>;

export const saveSchema = z.object({
  questionId: z.uuid(),
  answer: answerSchema.nullable(),
  state: z.enum(PALETTE_STATES),
  seq: z.number().int().positive().max(2_000_000_000),
  visits: z.number().int().min(0).max(100_000).optional(),
  timeSpentMs: z.number().int().min(0).max(86_400_000).optional(),
  answeredAt: z.number().int().positive().optional(),
});

/** One call carries at most 500 saves: a whole paper's journal after an outage, and no more. */
export const saveBatchSchema = z.object({
  deviceId: z.string().min(8).max(64),
  saves: z.array(saveSchema).min(1).max(500),
});
