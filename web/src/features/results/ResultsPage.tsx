import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryContent } from '../../components/QueryContent';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDateTime } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { AnalysisView } from '../analysis/AnalysisView';
import { useExam } from '../exams/api';
import { PAGE_SIZE, useExamResults, useSetResultStatus, type ResultQuery, type ResultRow } from './api';
import { ChallengesCard } from '../key-challenges/ChallengesCard';
import { KeyRevisionsCard } from './KeyRevisionsCard';
import { ReleaseResultsCard } from './ReleaseResultsCard';

type Change = { row: ResultRow; status: 'ranked' | 'withheld' | 'disqualified' };

const statusColour = { ranked: 'green', withheld: 'yellow', disqualified: 'red' } as const;

function StatusModal({ examId, change, onClose }: { examId: string; change: Change; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const mutation = useSetResultStatus(examId);
  const submit = () =>
    mutation.mutate(
      { attemptId: change.row.attemptId, status: change.status, reason },
      {
        onSuccess: () => {
          notifySuccess(change.row.name, t('results.changed'));
          onClose();
        },
        onError: (error) => notifyError(error, t('results.notChanged')),
      },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`results.confirm.${change.status}`, { name: change.row.name })}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t('results.confirm.body')}</Text>
        <Textarea
          label={t('results.confirm.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={500}
          required
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={change.status === 'ranked' ? 'teal' : 'red'}
            disabled={reason.trim() === ''}
            loading={mutation.isPending}
            onClick={submit}
            data-testid="confirm-result-status"
          >
            {change.status === 'ranked'
              ? t('results.restore')
              : change.status === 'withheld'
                ? t('results.withhold')
                : t('results.disqualify')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ResultRowView({
  row,
  sectionIds,
  onChange,
}: {
  row: ResultRow;
  sectionIds: string[];
  onChange: (change: Change) => void;
}) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const submitted = row.attemptStatus === 'submitted';
  return (
    <Table.Tr data-testid="result-row">
      <Table.Td>
        <Text size="sm" fw={600}>
          {row.name}
        </Text>
        <Text size="xs" c="dimmed">
          {row.email}
        </Text>
      </Table.Td>
      <Table.Td>{row.total === null ? t('common.none') : `${row.total} / ${row.maxTotal ?? ''}`}</Table.Td>
      {sectionIds.map((id) => (
        <Table.Td key={id}>{row.sections.find((s) => s.id === id)?.marks ?? t('common.none')}</Table.Td>
      ))}
      <Table.Td data-testid="result-rank">{row.rank ?? t('common.none')}</Table.Td>
      <Table.Td data-testid="result-percentile">{row.percentile ?? t('common.none')}</Table.Td>
      <Table.Td>{row.batchRank ?? t('common.none')}</Table.Td>
      <Table.Td>{row.batchPercentile ?? t('common.none')}</Table.Td>
      <Table.Td>
        <Text size="sm">
          {row.submitReason === 'deadline'
            ? t('results.attempt.byDeadline')
            : t(`results.attempt.${row.attemptStatus}`)}
        </Text>
        {row.submittedAt && (
          <Text size="xs" c="dimmed">
            {formatDateTime(row.submittedAt)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {row.resultStatus ? (
          <Badge color={statusColour[row.resultStatus]} variant="light" title={row.statusReason ?? undefined}>
            {t(`results.status.${row.resultStatus}`)}
          </Badge>
        ) : (
          t('common.none')
        )}
      </Table.Td>
      <Table.Td>
        {submitted && (
          <Group gap="xs" wrap="nowrap">
            <Button size="compact-sm" variant="light" onClick={() => setParams({ attempt: row.attemptId })}>
              {t('results.analysis')}
            </Button>
            {row.resultStatus === 'ranked' ? (
              <>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="yellow"
                  onClick={() => onChange({ row, status: 'withheld' })}
                >
                  {t('results.withhold')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => onChange({ row, status: 'disqualified' })}
                >
                  {t('results.disqualify')}
                </Button>
              </>
            ) : (
              <Button
                size="compact-sm"
                variant="subtle"
                color="teal"
                onClick={() => onChange({ row, status: 'ranked' })}
              >
                {t('results.restore')}
              </Button>
            )}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** An exam's results for its teachers and admins (issue 11): release, ranks, withholding, analysis. */
export function ResultsPage() {
  const { t } = useTranslation();
  const { examId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const exam = useExam(examId);
  const [query, setQuery] = useState<ResultQuery>({
    sort: 'rank',
    order: 'asc',
    batchId: null,
    search: '',
    page: 1,
  });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const effective = { ...query, search: debounced };
  const results = useExamResults(examId, effective);
  const [change, setChange] = useState<Change | null>(null);
  const openAttempt = params.get('attempt');
  const title = exam.data?.title ?? '';

  if (openAttempt)
    return (
      <Stack gap="sm">
        <Anchor component="button" type="button" onClick={() => setParams({})} size="sm" ta="left">
          ← {t('results.closeAnalysis')}
        </Anchor>
        <AnalysisView
          attemptId={openAttempt}
          examId={examId}
          title={title}
          submitReason={null}
          language="en"
        />
      </Stack>
    );

  const update = (patch: Partial<ResultQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} fz="h2">
          {t('results.title', { title })}
        </Title>
        <Anchor component={Link} to={`/exams/${examId}`} size="sm">
          {t('results.back')}
        </Anchor>
      </Group>
      <ReleaseResultsCard examId={examId} />
      <ChallengesCard examId={examId} />
      <KeyRevisionsCard examId={examId} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('results.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            update({});
          }}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label={t('results.batch')}
          data={[
            { value: '', label: t('results.allBatches') },
            ...(results.data?.batches ?? []).map((b) => ({ value: b.id, label: b.name })),
          ]}
          value={query.batchId ?? ''}
          onChange={(value) => update({ batchId: value || null })}
          allowDeselect={false}
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label={t('results.sortBy')}
          data={(['rank', 'name', 'score', 'submittedAt'] as const).map((value) => ({
            value,
            label: t(`results.sort.${value}`),
          }))}
          value={query.sort}
          onChange={(value) => value && update({ sort: value })}
          allowDeselect={false}
          w={{ base: '48%', sm: 160 }}
        />
        <Select
          aria-label={t('results.sortBy')}
          data={[
            { value: 'asc', label: t('results.ascending') },
            { value: 'desc', label: t('results.descending') },
          ]}
          value={query.order}
          onChange={(value) => value && update({ order: value })}
          allowDeselect={false}
          w={{ base: '48%', sm: 140 }}
        />
      </Group>
      <QueryContent query={results}>
        {(page) => (
          <Stack gap="sm">
            <Text size="sm" c="dimmed" data-testid="ranked-count">
              {t('results.ranked', { count: page.rankedCount })}
              {page.computedAt && ` · ${t('results.computedAt', { when: formatDateTime(page.computedAt) })}`}
            </Text>
            <ScrollTable
              minWidth={1000 + page.sections.length * 90}
              aria-label={t('results.tableLabel')}
              head={
                <>
                  <Table.Th>{t('results.col.candidate')}</Table.Th>
                  <Table.Th>{t('results.col.total')}</Table.Th>
                  {page.sections.map((s) => (
                    <Table.Th key={s.id}>{s.name}</Table.Th>
                  ))}
                  <Table.Th>{t('results.col.rank')}</Table.Th>
                  <Table.Th>{t('results.col.percentile')}</Table.Th>
                  <Table.Th>{t('results.col.batchRank')}</Table.Th>
                  <Table.Th>{t('results.col.batchPercentile')}</Table.Th>
                  <Table.Th>{t('results.col.attempt')}</Table.Th>
                  <Table.Th>{t('results.col.result')}</Table.Th>
                  <Table.Th>{t('results.col.actions')}</Table.Th>
                </>
              }
            >
              {page.items.map((row) => (
                <ResultRowView
                  key={row.attemptId}
                  row={row}
                  sectionIds={page.sections.map((s) => s.id)}
                  onChange={setChange}
                />
              ))}
            </ScrollTable>
            {page.items.length === 0 && <Text size="sm">{t('results.empty')}</Text>}
            {page.total > PAGE_SIZE && (
              <Pagination
                total={Math.ceil(page.total / PAGE_SIZE)}
                value={query.page}
                onChange={(p) => setQuery((q) => ({ ...q, page: p }))}
                aria-label={t('results.page')}
              />
            )}
          </Stack>
        )}
      </QueryContent>
      {change && <StatusModal examId={examId} change={change} onClose={() => setChange(null)} />}
    </Stack>
  );
}
