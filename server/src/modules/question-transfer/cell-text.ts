/**
 * Cell text rules shared by both formats. Spreadsheet programs run cells that begin with
 * = + - @ (or a tab/CR before them) as formulas, so export prefixes such cells with an apostrophe;
 * import removes exactly that prefix again, which keeps an export -> import round trip exact.
 */
import { isStorableText, toStorableText } from '../../platform/http/text-guard.js';

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

function needsEscape(text: string): boolean {
  const first = text.charAt(0);
  if (FORMULA_TRIGGERS.has(first)) return true;
  // A literal leading apostrophe before a trigger must survive the importer's unescaping.
  return first === "'" && (FORMULA_TRIGGERS.has(text.charAt(1)) || text.charAt(1) === "'");
}

export function escapeCell(text: string): string {
  return needsEscape(text) ? `'${text}` : text;
}

/**
 * Formula-looking cells are refused rather than imported: the teacher probably pasted a formula
 * instead of its value. Numbers with a sign (`-5`, `+2`) and ordinary text such as `-x^2` are fine.
 */
export function looksLikeFormula(text: string): boolean {
  if (text.startsWith('=')) return true;
  if (/^@[A-Za-z]/.test(text)) return true;
  // DDE payloads such as -2+3+cmd|' /C calc'!A0 or +cmd|'/C notepad'!'A1'.
  return /^[+-]/.test(text) && /\|/.test(text) && /!/.test(text);
}

export type CellReading = { text: string; problem?: undefined } | { text: string; problem: string };

/** A raw cell as the importer sees it: unescaped, or refused as a formula or as text that cannot be stored. */
export function readCellText(raw: string): CellReading {
  // XLSX escapes such as _x0000_ and CSV past the binary check can carry them; the database cannot.
  if (!isStorableText(raw))
    return {
      text: toStorableText(raw),
      problem: 'This cell contains a NUL character or broken Unicode text. Retype the cell and save again.',
    };
  if (raw.startsWith("'") && (FORMULA_TRIGGERS.has(raw.charAt(1)) || raw.charAt(1) === "'"))
    return { text: raw.slice(1) };
  if (looksLikeFormula(raw)) {
    return {
      text: raw,
      problem:
        "This cell looks like a spreadsheet formula. Formulas are not imported; to keep it as text, start it with an apostrophe (').",
    };
  }
  return { text: raw };
}

/** `a;b;c` lists; `\;` keeps a semicolon inside an item (TITA answers, tags). */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '\\' && text.charAt(index + 1) === ';') {
      current += ';';
      index++;
    } else if (char === ';') {
      items.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current.trim());
  return items.filter((item) => item !== '');
}

export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replaceAll(';', '\\;')).join(';');
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0']);

/** `undefined` for a blank cell, `null` when the text is not a yes/no word. */
export function parseYesNo(text: string): boolean | undefined | null {
  const word = text.trim().toLowerCase();
  if (word === '') return undefined;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}
