import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryContent } from '../../components/QueryContent';
import { useLocalFormat } from '../../i18n/format';
import { resultPath, useMyResults, type MyResult } from './api';

/** How many completed practice tests the dashboard lists (the practice page lists them all). */
const SHOWN = 5;

const practiceOnly = (items: MyResult[]) => items.filter((r) => r.kind === 'practice');

/** Completed practice tests, newest first, with their score and date and a link to their analysis. */
export function PracticeHistoryCard() {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const results = useMyResults();
  return (
    <Stack gap="sm" component="section" aria-labelledby="practice-history-title">
      <Group justify="space-between">
        <Title order={2} fz="h4" id="practice-history-title">
          {t('history.practiceTitle')}
        </Title>
        <Button size="xs" variant="subtle" component={Link} to="/practice">
          {t('history.allPractice')}
        </Button>
      </Group>
      <QueryContent
        query={results}
        isEmpty={(items) => practiceOnly(items).length === 0}
        empty={
          <EmptyPanel
            icon={<IconPencil size={28} />}
            title={t('history.practiceEmpty')}
            description={t('history.practiceEmptyText')}
          />
        }
      >
        {(items) => (
          <Stack gap="xs" data-testid="practice-history">
            {practiceOnly(items)
              .slice(0, SHOWN)
              .map((r) => (
                <Paper key={r.attemptId} withBorder radius="md" p="sm">
                  <Group justify="space-between" gap="xs">
                    <div style={{ minWidth: 0, flex: '1 1 10rem' }}>
                      <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {r.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.submittedAt ? format.date(r.submittedAt) : ''}
                      </Text>
                    </div>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                        {t('history.score', { total: r.total ?? '—', max: r.maxTotal ?? '—' })}
                      </Text>
                      <Button
                        size="xs"
                        variant="light"
                        component={Link}
                        to={resultPath(r.attemptId)}
                        aria-label={t('history.reviewLink.of', { title: r.title })}
                      >
                        {t('history.reviewLink.label')}
                      </Button>
                    </Group>
                  </Group>
                </Paper>
              ))}
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}
