// The question bank, syllabus and import screens (KaTeX, the editor) load on first visit, so the
// sign-in bundle stays small.
import { lazy } from 'react';

export const QuestionBankPage = lazy(() =>
  import('./QuestionBankPage').then((module) => ({ default: module.QuestionBankPage })),
);
export const QuestionEditorPage = lazy(() =>
  import('./QuestionEditorPage').then((module) => ({ default: module.QuestionEditorPage })),
);
export const QuestionViewPage = lazy(() =>
  import('./QuestionViewPage').then((module) => ({ default: module.QuestionViewPage })),
);
export const QuestionImportPage = lazy(() =>
  import('../question-import/QuestionImportPage').then((module) => ({ default: module.QuestionImportPage })),
);
export const SyllabusPage = lazy(() =>
  import('../syllabus/SyllabusPage').then((module) => ({ default: module.SyllabusPage })),
);
