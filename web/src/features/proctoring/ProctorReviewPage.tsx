import { Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryContent } from '../../components/QueryContent';
import { useLocalFormat } from '../../i18n/format';
import { useCurrentUser } from '../auth/session';
import { useReview } from './api';
import { StatusBadge } from './cells';
import { DecisionCard, TrustCard, WeightsCard } from './ReviewCards';
import { ReviewTimeline } from './ReviewTimeline';
import type { Review } from './types';

function Header({ review }: { review: Review }) {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const { candidate, attempt } = review;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <Title order={1} fz={{ base: 20, sm: 24 }}>
            {t('proctoring.review.title', { name: candidate.name })}
          </Title>
          <StatusBadge status={candidate.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {[
            candidate.rollNumber && t('proctoring.room.roll', { roll: candidate.rollNumber }),
            review.exam.title,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Text size="sm">
          {attempt.startedAt && t('proctoring.review.started', { at: format.dateTime(attempt.startedAt) })}
          {attempt.startedAt && ' · '}
          {attempt.submittedAt
            ? t('proctoring.review.submitted', { at: format.dateTime(attempt.submittedAt) })
            : t('proctoring.review.notSubmitted')}
        </Text>
        <Text size="xs" c="dimmed" data-testid="retention">
          {t('proctoring.review.retention', { date: format.date(review.retention.deleteAfter) })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** `/proctoring/:examId/review/:attemptId`: one attempt's evidence, score and decision. */
export function ProctorReviewPage() {
  const { t } = useTranslation();
  const { examId = '', attemptId = '' } = useParams();
  const review = useReview(attemptId);
  const { role } = useCurrentUser();
  const canTune = role === 'institute_admin' || role === 'teacher';
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/proctoring/${examId}`} size="sm">
        ← {t('proctoring.review.back')}
      </Anchor>
      <QueryContent query={review}>
        {(data) => (
          <Stack gap="md">
            <Header review={data} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Stack gap="md">
                  <TrustCard review={data} />
                  <DecisionCard key={data.decision?.at ?? 'none'} review={data} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <ReviewTimeline review={data} />
              </Grid.Col>
            </Grid>
            {canTune && (
              <WeightsCard key={data.exam.examId} examId={data.exam.examId} weights={data.exam.weights} />
            )}
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}
