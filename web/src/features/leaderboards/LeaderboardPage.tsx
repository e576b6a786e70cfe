import { Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconTrophy } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import { useCurrentUser } from '../auth/session';
import { useBatches } from '../batches/api';
import { PERIODS, useLeaderboard, useLeaderboardExams, type BoardChoice, type Period } from './api';
import { LeaderboardTable } from './LeaderboardTable';

type Scope = 'institute' | 'batch' | 'exam';

/** How many rows the board shows: 10 unless the address asks for another top N (1-100). */
function topOf(params: URLSearchParams): number {
  const asked = Number(params.get('top'));
  return Number.isInteger(asked) && asked >= 1 && asked <= 100 ? asked : 10;
}

/**
 * The leaderboards (issue 11): the institute's or a batch's over a period, or one exam's; the top 10
 * with the reader's own row highlighted, or pinned below when outside. Students see their batches
 * and exams; staff the batches and exams of their scope.
 */
export function LeaderboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isStudent = user.role === 'student';
  const [params] = useSearchParams();
  const [scope, setScope] = useState<Scope>('institute');
  const [period, setPeriod] = useState<Period>('30d');
  const [batchId, setBatchId] = useState<string | null>(null);
  const [examId, setExamId] = useState<string | null>(null);
  const batches = useBatches();
  const exams = useLeaderboardExams(scope === 'exam');
  const chosenBatch = batchId ?? batches.data?.[0]?.id ?? null;
  const chosenExam = examId ?? exams.data?.[0]?.examId ?? null;

  const choice: BoardChoice | null =
    scope === 'institute'
      ? { kind: 'institute', period }
      : scope === 'batch'
        ? chosenBatch
          ? { kind: 'batch', batchId: chosenBatch, period }
          : null
        : chosenExam
          ? { kind: 'exam', examId: chosenExam }
          : null;
  const board = useLeaderboard(choice, topOf(params));

  const batchOptions = (batches.data ?? []).map((b) => ({ value: b.id, label: b.name }));
  const examOptions = (exams.data ?? []).map((e) => ({ value: e.examId, label: e.title }));
  const missing =
    scope === 'batch' && batches.isSuccess && batchOptions.length === 0
      ? t('leaderboard.noBatches')
      : scope === 'exam' && exams.isSuccess && examOptions.length === 0
        ? t('leaderboard.noExams')
        : null;

  return (
    <>
      <PageHeader
        title={t('leaderboard.title')}
        description={isStudent ? t('leaderboard.description') : t('leaderboard.staffDescription')}
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label={t('leaderboard.scope.label')}
            data-testid="leaderboard-scope"
            value={scope}
            onChange={(value) => setScope(value)}
            data={[
              { value: 'institute', label: t('leaderboard.scope.institute') },
              {
                value: 'batch',
                label: isStudent ? t('leaderboard.scope.batch') : t('leaderboard.scope.staffBatch'),
              },
              { value: 'exam', label: t('leaderboard.scope.exam') },
            ]}
          />
          {scope !== 'exam' && (
            <SegmentedControl
              aria-label={t('leaderboard.period.label')}
              data-testid="leaderboard-period"
              value={period}
              onChange={(value) => setPeriod(value)}
              data={PERIODS.map((p) => ({ value: p, label: t(`leaderboard.period.${p}`) }))}
            />
          )}
        </Group>
        {scope === 'batch' && batchOptions.length > 1 && (
          <Select
            label={t('leaderboard.batchPicker')}
            data={batchOptions}
            value={chosenBatch}
            onChange={setBatchId}
            allowDeselect={false}
            maw={360}
          />
        )}
        {scope === 'exam' && examOptions.length > 0 && (
          <Select
            label={t('leaderboard.examPicker')}
            data-testid="leaderboard-exam"
            data={examOptions}
            value={chosenExam}
            onChange={setExamId}
            allowDeselect={false}
            searchable
            maw={420}
          />
        )}
        {missing ? (
          <Text c="dimmed">{missing}</Text>
        ) : (
          choice && (
            <QueryContent
              query={board}
              isEmpty={(data) => data.count === 0}
              empty={
                <EmptyPanel
                  icon={<IconTrophy size={28} />}
                  title={t('leaderboard.empty')}
                  description={t('leaderboard.emptyText')}
                />
              }
            >
              {(data) => (
                <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
                  <Stack gap="xs">
                    {data.names !== 'full' && (
                      <Text size="sm" c="dimmed" data-testid="leaderboard-names">
                        {t(`leaderboard.names.${data.names}`)}
                      </Text>
                    )}
                    <LeaderboardTable board={data} />
                    {isStudent && data.me === null && (
                      <Text size="sm" c="dimmed">
                        {t('leaderboard.notOnBoard')}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              )}
            </QueryContent>
          )
        )}
      </Stack>
    </>
  );
}
