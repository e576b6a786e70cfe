import { z } from 'zod';

/**
 * A new password, wherever one is chosen (sign-in change, a user or an institute's first admin
 * created with one). Shared here so that routes of different modules do not import each other.
 */
export const passwordSchema = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .max(128, 'Use at most 128 characters.');
