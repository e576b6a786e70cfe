// The body of a proctor's action (contract "Actions"), built only when the form holds what the
// server requires: a reason for every action, a text for message/warn, 1..120 minutes to extend.
import type { ActionKind, ActionRequest } from './types';

export const MAX_TEXT = 500;
export const MAX_EXTEND_MINUTES = 120;

export interface ActionFields {
  reason: string;
  text: string;
  minutes: number | string;
}

export function needsText(kind: ActionKind): boolean {
  return kind === 'message' || kind === 'warn';
}

export function buildActionRequest(kind: ActionKind, fields: ActionFields): ActionRequest | null {
  const reason = fields.reason.trim();
  if (reason.length < 1 || reason.length > MAX_TEXT) return null;
  if (needsText(kind)) {
    const text = fields.text.trim();
    if (text.length < 1 || text.length > MAX_TEXT) return null;
    return { kind, reason, text };
  }
  if (kind === 'extend') {
    const minutes = typeof fields.minutes === 'number' ? fields.minutes : Number(fields.minutes);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_EXTEND_MINUTES) return null;
    return { kind, reason, minutes };
  }
  return { kind, reason };
}
