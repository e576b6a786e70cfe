import { CAT_2024, CAT_2025 } from './cat.js';
import { JEE_ADVANCED_DEFAULT } from './jee-advanced.js';
import { JEE_MAIN_2025 } from './jee-main.js';
import { NEET_UG_2021, NEET_UG_2025 } from './neet.js';
import type { ExamTemplate } from './types.js';
import { UPSC_PRELIMS_CSAT, UPSC_PRELIMS_GS1 } from './upsc.js';

export const BUILT_IN_TEMPLATES: readonly ExamTemplate[] = [
  JEE_MAIN_2025,
  JEE_ADVANCED_DEFAULT,
  NEET_UG_2025,
  NEET_UG_2021,
  CAT_2024,
  CAT_2025,
  UPSC_PRELIMS_GS1,
  UPSC_PRELIMS_CSAT,
];

export function listTemplates(): readonly ExamTemplate[] {
  return BUILT_IN_TEMPLATES;
}

/** The given version, or the latest one when no version is given. */
export function findTemplate(id: string, version?: number): ExamTemplate | undefined {
  const candidates = BUILT_IN_TEMPLATES.filter(
    (template) => template.id === id && (version === undefined || template.version === version),
  );
  return candidates.reduce<ExamTemplate | undefined>(
    (latest, template) => (latest === undefined || template.version > latest.version ? template : latest),
    undefined,
  );
}
