import type { Question, QuestionContent } from '@examtech/core';
import { pickPrimaryContent } from './question-hash.js';

/**
 * Full-text search is tokenised here rather than by PostgreSQL's parser: the parser's notion of a
 * letter depends on the server's locale, and under common locales it splits Hindi words at vowel
 * signs and the virama (न्यूटन -> न + यूटन). Splitting on Unicode letters, marks and digits in one
 * place gives the same lexemes on PGlite and on any PostgreSQL, for documents and queries alike.
 */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const MAX_LEXEME_LENGTH = 100;
const MAX_LEXEMES = 5_000;
// Image references and links are addresses, not words a teacher would search for.
const IMAGE_OR_LINK = /!?\[([^\]]*)\]\([^)]*\)|https?:\/\/\S+/gu;

// A Unicode-property regex over a whole text is slow in V8 (about 0.1 ms per question); classifying
// each character, with ASCII decided inline and other code points remembered, is several times faster.
const wordCharCache = new Map<number, boolean>();
function isWordChar(code: number): boolean {
  if (code < 128)
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  const cached = wordCharCache.get(code);
  if (cached !== undefined) return cached;
  const isWord = WORD_CHAR.test(String.fromCodePoint(code));
  if (wordCharCache.size < 20_000) wordCharCache.set(code, isWord);
  return isWord;
}

export function tokenizeForSearch(text: string): string[] {
  const cleaned = text.replace(IMAGE_OR_LINK, ' $1 ').normalize('NFKC').toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let index = 0; index <= cleaned.length;) {
    const code = index < cleaned.length ? cleaned.codePointAt(index)! : 32;
    const width = code > 0xffff ? 2 : 1;
    if (isWordChar(code)) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      if (index - start <= MAX_LEXEME_LENGTH) words.push(cleaned.slice(start, index));
      start = -1;
    }
    index += width;
  }
  return words;
}

function listContentTexts(content: QuestionContent): string[] {
  const choices = [...(content.options ?? []), ...(content.rows ?? []), ...(content.columns ?? [])];
  return [
    content.stem,
    ...choices.map((choice) => choice.text),
    content.assertion ?? '',
    content.reason ?? '',
    content.solution ?? '',
  ];
}

/** Distinct lexemes of every language's text, the tags and the source. */
export function collectSearchLexemes(
  question: Pick<Question, 'content' | 'source'>,
  tags: readonly string[],
): string[] {
  // One pass over all the text: normalising and matching many small strings costs more than one long one.
  const text = [
    ...Object.values(question.content).flatMap(listContentTexts),
    ...tags,
    question.source ?? '',
  ].join('\n');
  return [...new Set(tokenizeForSearch(text))].slice(0, MAX_LEXEMES);
}

// Lexemes are letters, marks and digits only, so escaping is a safeguard that rarely runs.
const NEEDS_ESCAPE = /['\\]/u;
const quoteLexeme = (lexeme: string) =>
  NEEDS_ESCAPE.test(lexeme) ? `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'` : `'${lexeme}'`;

/** A `tsvector` literal: the lexemes are taken as they are, without the server's parser. */
export function toTsvectorLiteral(lexemes: readonly string[]): string {
  return lexemes.map(quoteLexeme).join(' ');
}

/** Every word must match; the last one as a prefix, so results appear while the teacher is typing. */
export function toTsqueryLiteral(query: string): string | null {
  const words = [...new Set(tokenizeForSearch(query))];
  if (words.length === 0) return null;
  return words
    .map((word, index) => `${quoteLexeme(word)}${index === words.length - 1 ? ':*' : ''}`)
    .join(' & ');
}

const PREVIEW_LENGTH = 200;

// A run of three or more underscores is the blank of a fill-in or numerical question ("x = ____ m"),
// written plainly or escaped (`\_\_\_`); one or two are emphasis marks.
const BLANK = /((?:\\_){3,}|_{3,})/u;
const MARKDOWN_MARKS = /^#{1,6}\s+|^>\s?|[*`~]+|_{1,2}/gmu;

function stripMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, (_match, alt: string) => (alt ? `[${alt}]` : '[image]'))
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .split(BLANK)
    .map((part, index) => (index % 2 === 1 ? part.replaceAll('\\_', '_') : part.replace(MARKDOWN_MARKS, '')))
    .join('');
}

/** Plain text of the English (or first) stem for lists: Markdown marks and images removed, LaTeX and blanks kept. */
export function buildStemPreview(question: Pick<Question, 'content'>): string {
  const stem = pickPrimaryContent(question)?.stem ?? '';
  // Markdown marks are removed outside math only: `_` and `*` inside $...$ are subscripts and products.
  const plain = stem
    .split(/(\$\$[\s\S]*?\$\$|\$[^$\n]*\$)/u)
    .map((part, index) => (index % 2 === 1 ? part : stripMarkdown(part)))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
  return plain.length > PREVIEW_LENGTH ? `${plain.slice(0, PREVIEW_LENGTH - 1)}…` : plain;
}
