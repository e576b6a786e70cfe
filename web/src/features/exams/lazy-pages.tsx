// The exam builder (drag and drop, date pickers, the bank panel) and practice pages load on first
// visit, so the sign-in bundle stays small.
import { lazy, Suspense, type ReactNode } from 'react';
import { TableSkeleton } from '../../components/QueryStates';

export const ExamsPage = lazy(() => import('./ExamsPage').then((module) => ({ default: module.ExamsPage })));
export const ExamBuilderPage = lazy(() =>
  import('./builder/ExamBuilderPage').then((module) => ({ default: module.ExamBuilderPage })),
);
export const ExamPreviewPage = lazy(() =>
  import('./preview/ExamPreviewPage').then((module) => ({ default: module.ExamPreviewPage })),
);
export const PracticePage = lazy(() =>
  import('../practice/PracticePage').then((module) => ({ default: module.PracticePage })),
);

export const ResultsPage = lazy(() =>
  import('../results/ResultsPage').then((module) => ({ default: module.ResultsPage })),
);

export function LazyPage({ children }: { children: ReactNode }) {
  return <Suspense fallback={<TableSkeleton />}>{children}</Suspense>;
}
