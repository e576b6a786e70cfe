/**
 * CAT TITA answers are typed free text: "New Delhi", " new  delhi " and "NEW DELHI" are the same
 * answer. NFKC folds full-width digits and compatibility characters that some keyboards produce.
 */
export function normaliseTitaText(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en');
}

const IMAGE_REF_PATTERN = /!\[[^\]]*\]\(image:([^)\s]+)\)/gu;

/** Ids of the images a Markdown text refers to as `![alt](image:<id>)`. */
export function listImageRefs(markdown: string): string[] {
  return [...markdown.matchAll(IMAGE_REF_PATTERN)].map((match) => match[1] ?? '');
}
