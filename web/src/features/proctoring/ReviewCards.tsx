// The review page's cards: the trust score with its breakdown, the decision, the weights editor.
import {
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalFormat } from '../../i18n/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { MAX_TEXT } from './actions';
import { useSetDecision, useSetWeights } from './api';
import { DecisionBadge, KindIcon, TrustBadge } from './cells';
import { DECISIONS, PROCTOR_EVENT_KINDS, type Decision, type Review, type TrustWeights } from './types';

export function TrustCard({ review }: { review: Review }) {
  const { t } = useTranslation();
  const rows = review.trust.breakdown.filter((line) => line.penalty > 0 || line.seconds > 0);
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t('proctoring.review.trustTitle')}
        </Title>
        <TrustBadge score={review.trust.score} size="xl" />
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('proctoring.review.clean')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360} type="native">
          <Table aria-label={t('proctoring.review.breakdown.label')} verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('proctoring.review.breakdown.kind')}</Table.Th>
                <Table.Th ta="right">{t('proctoring.review.breakdown.seconds')}</Table.Th>
                <Table.Th ta="right">{t('proctoring.review.breakdown.weight')}</Table.Th>
                <Table.Th ta="right">{t('proctoring.review.breakdown.penalty')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((line) => (
                <Table.Tr key={line.kind}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <KindIcon kind={line.kind} />
                      <Text size="sm">{t(`proctoring.kinds.${line.kind}`)}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{Math.round(line.seconds)}</Table.Td>
                  <Table.Td ta="right">{line.weight}</Table.Td>
                  <Table.Td ta="right">−{Math.round(line.penalty * 10) / 10}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

export function DecisionCard({ review }: { review: Review }) {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const attemptId = review.candidate.attemptId ?? '';
  const current = review.decision;
  const compact = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false }) ?? false;
  const [decision, setDecision] = useState<Decision>(current?.decision ?? 'cleared');
  const [reason, setReason] = useState('');
  const mutation = useSetDecision(review.exam.examId, attemptId);
  const save = () =>
    mutation.mutate(
      { decision, reason: reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(review.candidate.name, t('proctoring.review.decisionSaved'));
          setReason('');
        },
        onError: (error) => notifyError(error, t('proctoring.review.decisionNotSaved')),
      },
    );
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="h4" mb="sm">
        {t('proctoring.review.decisionTitle')}
      </Title>
      <Stack gap="sm">
        {current ? (
          <Stack gap={2} data-testid="current-decision">
            <Group gap="xs">
              <DecisionBadge decision={current.decision} />
              <Text size="sm">
                {t('proctoring.review.current', {
                  decision: t(`proctoring.decision.${current.decision}`),
                  name: current.by.name,
                  at: format.dateTime(current.at),
                })}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {t('proctoring.review.reason')}: {current.reason}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('proctoring.review.noDecision')}
          </Text>
        )}
        <SegmentedControl
          data={DECISIONS.map((value) => ({ value, label: t(`proctoring.decision.${value}`) }))}
          value={decision}
          onChange={(value) => setDecision(value)}
          aria-label={t('proctoring.review.decisionLabel')}
          orientation={compact ? 'vertical' : 'horizontal'}
          fullWidth
        />
        <Text size="xs" c="dimmed">
          {t('proctoring.review.decisionHint')}
        </Text>
        <Textarea
          label={t('proctoring.review.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={MAX_TEXT}
          autosize
          minRows={2}
          required
        />
        <Group justify="flex-end">
          <Button
            onClick={save}
            disabled={reason.trim() === '' || attemptId === ''}
            loading={mutation.isPending}
            color={decision === 'disqualified' ? 'red' : decision === 'withheld' ? 'orange' : undefined}
            data-testid="save-decision"
          >
            {t('proctoring.review.saveDecision')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Admins and teachers tune how much each kind costs; the server recomputes every score. */
export function WeightsCard({ examId, weights }: { examId: string; weights: TrustWeights }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TrustWeights>(weights);
  const mutation = useSetWeights(examId);
  const valid = PROCTOR_EVENT_KINDS.every((kind) => {
    const value = draft[kind];
    return Number.isFinite(value) && value >= 0 && value <= 10;
  });
  const save = () =>
    mutation.mutate(draft, {
      onSuccess: ({ weights: saved }) => {
        setDraft(saved);
        notifySuccess(t('proctoring.review.weightsSaved'));
      },
      onError: (error) => notifyError(error, t('proctoring.review.weightsNotSaved')),
    });
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="h4" mb={4}>
        {t('proctoring.review.weightsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('proctoring.review.weightsHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        {PROCTOR_EVENT_KINDS.map((kind) => (
          <NumberInput
            key={kind}
            label={t(`proctoring.kinds.${kind}`)}
            leftSection={<KindIcon kind={kind} />}
            value={draft[kind] ?? 0}
            onChange={(value) =>
              setDraft((d) => ({
                ...d,
                [kind]: typeof value === 'number' ? value : value === '' ? Number.NaN : Number(value),
              }))
            }
            min={0}
            max={10}
            step={0.5}
            decimalScale={2}
            allowNegative={false}
            clampBehavior="strict"
          />
        ))}
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button onClick={save} disabled={!valid} loading={mutation.isPending} data-testid="save-weights">
          {t('proctoring.review.saveWeights')}
        </Button>
      </Group>
    </Paper>
  );
}
