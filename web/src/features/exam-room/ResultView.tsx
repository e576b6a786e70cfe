import { Alert, Container, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnalysisView } from '../analysis/AnalysisView';
import type { AttemptState, Language } from './types';

/** After submission: the attempt's analysis once released (features/analysis), otherwise when it will be. */
export function ResultView({
  state,
  title,
  language,
  terminatedReason = null,
}: {
  state: AttemptState;
  title: string;
  language: Language;
  /** The proctoring ended the exam (`attempt:terminated`), with the reason it gave. */
  terminatedReason?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      {terminatedReason !== null && (
        <Container size="lg" pt="lg">
          <Alert color="red" title={t('proctoringRoom.terminated.title')} data-testid="terminated-notice">
            <Text size="sm">{t('proctoringRoom.terminated.text')}</Text>
            {terminatedReason && (
              <Text size="sm">{t('proctoringRoom.terminated.reason', { reason: terminatedReason })}</Text>
            )}
          </Alert>
        </Container>
      )}
      <AnalysisView
        attemptId={state.attempt.id}
        title={title}
        submitReason={state.attempt.submitReason}
        language={language}
      />
    </>
  );
}
