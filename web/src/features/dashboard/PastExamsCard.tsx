import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryContent } from '../../components/QueryContent';
import { useLocalFormat } from '../../i18n/format';
import { useMyExams } from '../exams/api';
import type { MyExam } from '../exams/types';
import { resultPath, useMyResults, type MyResult } from './api';
import { ResultSummary } from './ResultSummary';

type PastRow = { examId: string; title: string; at: string; result: MyResult | null };

/** Sat mocks (with their result state) and ended ones the student did not sit, latest first. */
function pastRows(results: MyResult[], past: MyExam[]): PastRow[] {
  const sat = results.filter((r) => r.kind === 'scheduled');
  const satIds = new Set(sat.map((r) => r.examId));
  return [
    ...sat.map((r) => ({ examId: r.examId, title: r.title, at: r.submittedAt ?? '', result: r })),
    ...past
      .filter((e) => !satIds.has(e.id))
      .map((e) => ({ examId: e.id, title: e.title, at: e.windowEndsAt ?? e.startsAt, result: null })),
  ].sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * Past mocks (issue 15 History): a submitted exam leaves "upcoming" for here, an ended one stays,
 * and each opens on its result or its "awaiting release" state, never on the pre-exam screen.
 */
export function PastExamsCard() {
  const { t } = useTranslation();
  const results = useMyResults();
  const exams = useMyExams();
  return (
    <Stack gap="sm" component="section" aria-labelledby="past-exams-title">
      <Title order={2} fz="h4" id="past-exams-title">
        {t('history.pastTitle')}
      </Title>
      <QueryContent
        query={results}
        isEmpty={(items) => pastRows(items, exams.data?.past ?? []).length === 0}
        empty={
          <EmptyPanel
            icon={<IconHistory size={28} />}
            title={t('history.pastEmpty')}
            description={t('history.pastEmptyText')}
          />
        }
      >
        {(items) => (
          <Stack gap="xs" data-testid="past-exams">
            {pastRows(items, exams.data?.past ?? []).map((row) => (
              <PastExam key={row.examId} row={row} />
            ))}
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}

function PastExam({ row }: { row: PastRow }) {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const { result } = row;
  return (
    <Paper withBorder radius="md" p="md" data-testid="past-exam">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {row.title}
          </Text>
          <Text size="sm" c="dimmed">
            {result
              ? t('history.submitted', { date: format.dateTime(row.at) })
              : t('history.ended', { date: format.dateTime(row.at) })}
          </Text>
          <div style={{ marginTop: 4 }}>
            {result ? (
              <ResultSummary result={result} />
            ) : (
              <Badge color="gray" variant="light" tt="none">
                {t('history.notAttempted')}
              </Badge>
            )}
          </div>
        </div>
        {result && (
          <Button
            size="xs"
            variant="light"
            component={Link}
            to={resultPath(result.attemptId)}
            aria-label={t('history.view.of', { title: row.title })}
          >
            {t('history.view.label')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
