import { createHash } from 'node:crypto';
import type { Question, QuestionContent } from '@examtech/core';

// LaTeX spacing commands change how a formula looks, never what it says.
const LATEX_SPACING = /\\(?:[,;:!> ]|quad\b|qquad\b|enspace\b|thinspace\b|medspace\b|thickspace\b)/gu;
const MATH_SEGMENT = /\$\$[\s\S]*?\$\$|\$[^$]*\$/gu;

/** The text a teacher would call "the same question": case, width, spacing and LaTeX spacing ignored. */
export function normaliseForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(LATEX_SPACING, ' ')
    .replace(MATH_SEGMENT, (math) => math.replace(/\s+/gu, ''))
    .replace(/\s+/gu, ' ')
    .trim();
}

/** English first, then the other languages alphabetically: a stable order whatever the JSON key order. */
export function orderLanguages(languages: Iterable<string>): string[] {
  return [...languages].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
}

/** The English version, or the first language in canonical order when there is no English. */
export function pickPrimaryContent(question: Pick<Question, 'content'>): QuestionContent | undefined {
  const [first] = orderLanguages(Object.keys(question.content));
  return first === undefined ? undefined : question.content[first];
}

/**
 * SHA-256 (hex) of the normalised primary-language stem and choice texts, for duplicate detection
 * in the bank and in imports. Matrix rows/columns and assertion/reason count as choices: many
 * matrix questions share the stem "Match List I with List II".
 */
export function computeContentHash(question: Question): string {
  const content = pickPrimaryContent(question);
  const parts = content
    ? [
        content.stem,
        ...(content.options ?? []).map((option) => option.text),
        ...(content.rows ?? []).map((row) => row.text),
        ...(content.columns ?? []).map((column) => column.text),
        content.assertion ?? '',
        content.reason ?? '',
      ]
    : [];
  return createHash('sha256').update(parts.map(normaliseForHash).join('\u0001')).digest('hex');
}
