import { resolveMarking } from '../marking/schemes.js';
import {
  addRationals,
  compareRationals,
  multiplyRational,
  toNumber,
  ZERO,
  type Rational,
} from '../math/rational.js';
import type { ExamTemplate, TemplateSection } from './types.js';

/**
 * A section's maximum from the template alone: k (or n) questions at full marks. With several
 * allowed types the highest full mark is used; per-row matrix marks depend on the question and
 * are only checked on papers.
 */
export function computeTemplateSectionMax(section: TemplateSection): Rational {
  const fullMarks = section.allowedTypes.map((type) => resolveMarking(section.scheme, type).correct);
  const highest = fullMarks.reduce((best, value) => (compareRationals(value, best) > 0 ? value : best), ZERO);
  return multiplyRational(highest, section.bestOf ?? section.questionCount);
}

export function computeTemplateMaxMarks(template: ExamTemplate): number {
  return toNumber(template.sections.map(computeTemplateSectionMax).reduce(addRationals, ZERO));
}
