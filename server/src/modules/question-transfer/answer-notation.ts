/**
 * The `answer` column in a form teachers already write on answer keys: `B`, `A;C`, `3.14`,
 * `2.5±0.1`, `1..2`, `P:2;Q:1,3`, `New Delhi;Delhi`. Parsing is strict about shape and leaves
 * meaning (does option E exist, is the range inverted) to the core's validation.
 */
import {
  ASSERTION_REASON_OPTION_IDS,
  type AssertionReasonOptionId,
  type NumericalKey,
  type TitaKey,
} from '@examtech/core';
import { choiceIdAt, OPTION_LETTERS, ROW_LETTERS } from './question-columns.js';
import { joinList, splitList } from './cell-text.js';

export type Parsed<T> = { value: T } | { error: string };

const NUMBER = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?';
const EXACT_PATTERN = new RegExp(`^(${NUMBER})$`);
const TOLERANCE_PATTERN = new RegExp(`^(${NUMBER})\\s*(?:±|\\+-|\\+/-)\\s*(${NUMBER})$`);
const RANGE_PATTERN = new RegExp(`^(${NUMBER})\\s*\\.\\.\\s*(${NUMBER})$`);

function parseOptionLetter(token: string): string | null {
  const letter = token
    .trim()
    .replace(/^\((.)\)$/, '$1')
    .toLowerCase();
  return letter.length === 1 && OPTION_LETTERS.includes(letter) ? letter : null;
}

export function parseSingleAnswer(text: string): Parsed<string> {
  const letter = parseOptionLetter(text);
  return letter
    ? { value: letter }
    : { error: `Write the correct option as one letter, e.g. "B" (found "${text}").` };
}

export function parseMultiAnswer(text: string): Parsed<string[]> {
  const tokens = text.split(/[;,\s]+/).filter((token) => token !== '');
  const letters = tokens.map(parseOptionLetter);
  if (tokens.length === 0 || letters.some((letter) => letter === null)) {
    return { error: `Write the correct options as letters separated by ";", e.g. "A;C" (found "${text}").` };
  }
  return { value: letters as string[] };
}

export function parseNumericalAnswer(text: string): Parsed<NumericalKey> {
  const compact = text.trim();
  const range = RANGE_PATTERN.exec(compact);
  if (range) return { value: { kind: 'range', min: range[1] ?? '', max: range[2] ?? '' } };
  const tolerance = TOLERANCE_PATTERN.exec(compact);
  if (tolerance)
    return { value: { kind: 'tolerance', value: tolerance[1] ?? '', tolerance: tolerance[2] ?? '' } };
  const exact = EXACT_PATTERN.exec(compact);
  if (exact) return { value: { kind: 'exact', value: exact[1] ?? '' } };
  return {
    error: `Write a number ("3.14"), a number with a tolerance ("2.5±0.1") or a range ("1..2") (found "${text}").`,
  };
}

/** `P:2;Q:1,3` -> { p: ['2'], q: ['1', '3'] }; rows are letters P.., columns numbers 1.. */
export function parseMatrixAnswer(text: string): Parsed<Record<string, string[]>> {
  const matches: Record<string, string[]> = {};
  const fail = { error: `Write each row with its columns, e.g. "P:2;Q:1,3;R:4;S:5" (found "${text}").` };
  const entries = text
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return fail;
  for (const entry of entries) {
    const match = /^([A-Za-z])\s*(?::|-|→|->)\s*(\d+(?:\s*,\s*\d+)*)$/.exec(entry);
    const row = match?.[1]?.toLowerCase();
    if (!match || !row || !ROW_LETTERS.includes(row)) return fail;
    if (Object.hasOwn(matches, row))
      return { error: `Row ${row.toUpperCase()} is given twice in the answer.` };
    matches[row] = (match[2] ?? '').split(',').map((column) => String(Number(column.trim())));
  }
  return { value: matches };
}

export function parseAssertionReasonAnswer(text: string): Parsed<AssertionReasonOptionId> {
  const trimmed = text.trim();
  if ((ASSERTION_REASON_OPTION_IDS as readonly string[]).includes(trimmed))
    return { value: trimmed as AssertionReasonOptionId };
  const letter = parseOptionLetter(trimmed);
  const index = letter ? OPTION_LETTERS.indexOf(letter) : -1;
  const id = ASSERTION_REASON_OPTION_IDS[index];
  return id
    ? { value: id }
    : { error: `Write A, B, C or D for the four standard assertion-reason options (found "${text}").` };
}

/** Blank `tita_compare` means `number` when every accepted answer is a number, else `text`. */
export function parseTitaAnswer(text: string, compare: string): Parsed<TitaKey> {
  const accepted = splitList(text);
  if (accepted.length === 0)
    return { error: 'Write at least one accepted answer; separate several with ";".' };
  const mode = compare.trim().toLowerCase();
  if (mode !== '' && mode !== 'text' && mode !== 'number')
    return { error: 'tita_compare must be "text" or "number".' };
  const isNumeric = accepted.every((answer) => EXACT_PATTERN.test(answer));
  return { value: { accepted, compare: mode === '' ? (isNumeric ? 'number' : 'text') : mode } };
}

export function formatOptionLetters(optionIds: readonly string[], allIds: readonly string[]): string {
  return optionIds.map((id) => choiceIdAt('option', allIds.indexOf(id)).toUpperCase()).join(';');
}

export function formatNumericalAnswer(key: NumericalKey): string {
  switch (key.kind) {
    case 'exact':
      return String(key.value);
    case 'tolerance':
      return `${key.value}±${key.tolerance}`;
    case 'range':
      return `${key.min}..${key.max}`;
  }
}

export function formatMatrixAnswer(
  matches: Readonly<Record<string, readonly string[]>>,
  rowIds: readonly string[],
  columnIds: readonly string[],
): string {
  return rowIds
    .filter((rowId) => Object.hasOwn(matches, rowId))
    .map((rowId, index) => {
      const columns = (matches[rowId] ?? []).map((columnId) =>
        choiceIdAt('column', columnIds.indexOf(columnId)),
      );
      return `${choiceIdAt('row', rowIds.indexOf(rowId) >= 0 ? rowIds.indexOf(rowId) : index).toUpperCase()}:${columns.join(',')}`;
    })
    .join(';');
}

export function formatAssertionReasonAnswer(optionId: AssertionReasonOptionId): string {
  return choiceIdAt('option', ASSERTION_REASON_OPTION_IDS.indexOf(optionId)).toUpperCase();
}

export function formatTitaAnswer(key: TitaKey): string {
  return joinList(key.accepted);
}
