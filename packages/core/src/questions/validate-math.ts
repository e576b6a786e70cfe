/**
 * Every formula in a question's text must be one KaTeX can typeset, so that what a teacher saves
 * is what a candidate sees: a formula KaTeX cannot read shows as red source in the exam room.
 * The spans are found the way the web renderer (remark-math) finds them, and checked with the
 * same KaTeX and the same mhchem extension (`\ce`, `\pu`) that the renderer registers.
 */
import katex from 'katex';
import 'katex/contrib/mhchem';
import { createIssue, joinPath, type ValidationIssue } from '../errors.js';
import type { QuestionContent } from './types.js';

export interface MathSpan {
  /** The LaTeX between the dollar signs. */
  readonly tex: string;
  /** `$$…$$` is display math, `$…$` inline. */
  readonly display: boolean;
  /** The span as written, dollars included, for messages. */
  readonly source: string;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/u;
const BLANK_LINE = /\n[ \t]*\n/u;

function runLength(text: string, start: number, char: string): number {
  let end = start;
  while (text[end] === char) end += 1;
  return end - start;
}

/** The next run of exactly `length` copies of `char` at or after `from`; -1 if none. */
function findClosingRun(text: string, from: number, char: string, length: number): number {
  let index = text.indexOf(char, from);
  while (index >= 0) {
    const run = runLength(text, index, char);
    if (run === length) return index;
    index = text.indexOf(char, index + run);
  }
  return -1;
}

/**
 * The `$…$` and `$$…$$` spans of a Markdown text. As in CommonMark and remark-math: `\$` is a
 * literal dollar, code spans hold no math, a span closes on a run of as many dollars as opened
 * it, inline math does not cross a paragraph break, and an unclosed dollar is plain text.
 */
export function findMathSpans(markdown: string): MathSpan[] {
  const spans: MathSpan[] = [];
  let index = 0;
  while (index < markdown.length) {
    const char = markdown[index];
    if (char === '\\' && ASCII_PUNCTUATION.test(markdown[index + 1] ?? '')) {
      index += 2;
      continue;
    }
    if (char !== '$' && char !== '`') {
      index += 1;
      continue;
    }
    const length = runLength(markdown, index, char);
    const contentStart = index + length;
    const close = findClosingRun(markdown, contentStart, char, length);
    const content = close < 0 ? '' : markdown.slice(contentStart, close);
    if (close < 0 || (char === '$' && length === 1 && BLANK_LINE.test(content))) {
      index = contentStart;
      continue;
    }
    if (char === '$' && content.trim() !== '') {
      spans.push({ tex: content, display: length > 1, source: markdown.slice(index, close + length) });
    }
    index = close + length;
  }
  return spans;
}

const MAX_CACHED = 5_000;
/** The editor validates on every keystroke and an import repeats formulas: remember verdicts. */
const verdicts = new Map<string, string | null>();

/** KaTeX's complaint about a formula, or null when it typesets. */
export function explainMathError(tex: string, display: boolean): string | null {
  const cacheKey = `${display ? 'D' : 'I'}${tex}`;
  const cached = verdicts.get(cacheKey);
  if (cached !== undefined) return cached;
  let verdict: string | null = null;
  try {
    // strict 'ignore': Devanagari inside a formula is allowed (the renderer only warns about it).
    katex.renderToString(tex, { throwOnError: true, displayMode: display, strict: 'ignore' });
  } catch (error) {
    verdict =
      error instanceof katex.ParseError
        ? error.rawMessage
        : error instanceof Error
          ? error.message
          : String(error);
  }
  if (verdicts.size >= MAX_CACHED) verdicts.clear();
  verdicts.set(cacheKey, verdict);
  return verdict;
}

const MAX_QUOTED = 60;
const quote = (source: string) =>
  source.length > MAX_QUOTED ? `${source.slice(0, MAX_QUOTED - 1)}…` : source;

/** One issue per formula of `text` that KaTeX cannot typeset. */
export function validateMathText(text: string | undefined, path: string): ValidationIssue[] {
  if (text === undefined || !text.includes('$')) return [];
  const issues: ValidationIssue[] = [];
  for (const span of findMathSpans(text)) {
    const problem = explainMathError(span.tex, span.display);
    if (problem !== null)
      issues.push(
        createIssue('MATH_INVALID', path, `the formula ${quote(span.source)} cannot be read: ${problem}`),
      );
  }
  return issues;
}

const TEXT_FIELDS = ['stem', 'assertion', 'reason', 'solution'] as const;
const CHOICE_FIELDS = ['options', 'rows', 'columns'] as const;

/** The formulas of every text of one language version, each problem at its field's path. */
export function validateContentMath(language: string, content: QuestionContent): ValidationIssue[] {
  const path = joinPath('content', language);
  const issues: ValidationIssue[] = [];
  for (const field of TEXT_FIELDS) issues.push(...validateMathText(content[field], joinPath(path, field)));
  for (const field of CHOICE_FIELDS) {
    content[field]?.forEach((choice, index) => {
      issues.push(...validateMathText(choice.text, joinPath(path, field, index, 'text')));
    });
  }
  return issues;
}
