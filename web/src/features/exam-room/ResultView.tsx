import { AnalysisView } from '../analysis/AnalysisView';
import type { AttemptState, Language } from './types';

/** After submission: the attempt's analysis once released (features/analysis), otherwise when it will be. */
export function ResultView({
  state,
  title,
  language,
}: {
  state: AttemptState;
  title: string;
  language: Language;
}) {
  return (
    <AnalysisView
      attemptId={state.attempt.id}
      title={title}
      submitReason={state.attempt.submitReason}
      language={language}
    />
  );
}
