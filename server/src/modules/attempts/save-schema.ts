import { PALETTE_STATES, type Answer } from '@examtech/core';
import { z } from 'zod';

// Answers are checked against their question by the core (validateAnswer); here only the envelope.
const answerSchema = z.custom<Answer>(
  (value) =>
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string',
  'Not an answer.',
);

export const saveSchema = z.object({
  questionId: z.uuid(),
  answer: answerSchema.nullable(),
  state: z.enum(PALETTE_STATES),
  seq: z.number().int().positive().max(2_000_000_000),
  visits: z.number().int().min(0).max(100_000).optional(),
  timeSpentMs: z.number().int().min(0).max(86_400_000).optional(),
  answeredAt: z.number().int().positive().optional(),
});

export const saveBatchSchema = z.object({
  deviceId: z.string().min(8).max(64),
  saves: z.array(saveSchema).min(1).max(500),
});
