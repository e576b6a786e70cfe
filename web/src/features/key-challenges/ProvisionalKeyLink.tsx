import { Alert, Anchor, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalFormat } from '../../i18n/format';
import { useCandidateKey } from './api';

/** On a candidate's result page: the way to the provisional key once it is out (nothing before). */
export function ProvisionalKeyLink({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const key = useCandidateKey(examId);
  const data = key.data;
  if (!data?.published || !data.hasSat || !data.challengesCloseAt) return null;
  return (
    <Container size="lg" pt="lg" px={{ base: 'xs', sm: 'md' }}>
      <Alert color="blue" title={t('answerKey.title')} data-testid="provisional-key-link">
        {t(data.isWindowOpen ? 'answerKey.windowOpen' : 'answerKey.windowClosed', {
          date: format.dateTime(data.challengesCloseAt),
        })}{' '}
        <Anchor component={Link} to={`/exams/${examId}/answer-key`} size="sm">
          {t('answerKey.open')}
        </Anchor>
      </Alert>
    </Container>
  );
}
