import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconClock, IconListNumbers, IconPencil } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryContent } from '../../components/QueryContent';
import { useLocalFormat } from '../../i18n/format';
import { resultPath, useMyResults } from '../dashboard/api';
import { usePracticeTests } from './api';

export function PracticeTestList() {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const tests = usePracticeTests();
  const results = useMyResults();
  // A practice test is sat once: its submitted attempt, if any, carries the score.
  const resultOf = new Map((results.data ?? []).map((r) => [r.examId, r]));
  return (
    <Stack gap="sm" component="section" aria-labelledby="my-practice-title">
      <Title order={2} fz="h4" id="my-practice-title">
        {t('practice.myTests')}
      </Title>
      <QueryContent
        query={tests}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyPanel
            icon={<IconPencil size={28} />}
            title={t('practice.emptyTitle')}
            description={t('practice.emptyText')}
          />
        }
      >
        {(items) => (
          <Stack gap="xs" data-testid="practice-tests">
            {items.map((test) => (
              <Paper key={test.id} withBorder radius="md" p="md">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {test.title}
                  </Text>
                  {resultOf.get(test.id) ? (
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={700} data-testid="practice-score">
                        {t('history.score', {
                          total: resultOf.get(test.id)?.total ?? '—',
                          max: resultOf.get(test.id)?.maxTotal ?? '—',
                        })}
                      </Text>
                      <Button
                        size="xs"
                        variant="light"
                        component={Link}
                        to={resultPath(resultOf.get(test.id)?.attemptId ?? '')}
                        aria-label={t('history.reviewLink.of', { title: test.title })}
                      >
                        {t('history.reviewLink.label')}
                      </Button>
                    </Group>
                  ) : (
                    <Button
                      size="xs"
                      component={Link}
                      to={`/exam/${test.id}`}
                      aria-label={t('practice.startTest', { title: test.title })}
                    >
                      {t('practice.start')}
                    </Button>
                  )}
                </Group>
                <Group gap="md" mt={4} c="dimmed">
                  <Group gap={4}>
                    <IconListNumbers size={14} />
                    <Text size="sm">{t('practice.questionCount', { count: test.questionCount })}</Text>
                  </Group>
                  <Group gap={4}>
                    <IconClock size={14} />
                    <Text size="sm">{format.minutes(test.durationMinutes)}</Text>
                  </Group>
                  <Text size="sm">{t('practice.created', { date: format.date(test.createdAt) })}</Text>
                  {resultOf.get(test.id)?.submittedAt && (
                    <Text size="sm">
                      {t('history.completed', {
                        date: format.date(resultOf.get(test.id)?.submittedAt ?? ''),
                      })}
                    </Text>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}
