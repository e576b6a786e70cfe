import { isLanguage } from '@examtech/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMyResults } from '../dashboard/api';
import { ProvisionalKeyLink } from '../key-challenges/ProvisionalKeyLink';
import { AnalysisView } from './AnalysisView';

/**
 * A submitted attempt's result from the student's history (/results/:attemptId): its analysis once
 * released, otherwise when it will be (AnalysisView asks the server, which decides). Never the
 * pre-exam screen.
 */
export function ResultPage() {
  const { attemptId = '' } = useParams();
  const { i18n } = useTranslation();
  const results = useMyResults();
  const mine = results.data?.find((r) => r.attemptId === attemptId);
  return (
    <>
      {mine?.kind === 'scheduled' && <ProvisionalKeyLink examId={mine.examId} />}
      <AnalysisView
        key={attemptId}
        attemptId={attemptId}
        title={mine?.title ?? ''}
        submitReason={null}
        language={isLanguage(i18n.language) ? i18n.language : 'en'}
      />
    </>
  );
}
