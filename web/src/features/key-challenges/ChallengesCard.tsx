import { Badge, Button, Card, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { QueryContent } from '../../components/QueryContent';
import { useLocalFormat } from '../../i18n/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useChallengeGroups, usePublishKey, useStaffKeyState, type ChallengeGroup } from './api';
import { DecisionModal } from './DecisionModal';
import { formatAnswer, formatKeys } from './format';

const HOUR = 3_600_000;
/** The windows a teacher picks from (hours); NTA usually gives two days. */
const WINDOWS = [24, 48, 72, 168] as const;

function GroupView({
  group,
  onDecide,
}: {
  group: ChallengeGroup;
  onDecide: (d: 'accept' | 'reject') => void;
}) {
  const { t } = useTranslation();
  const question = group.question;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="challenge-group">
      <Group justify="space-between" gap="xs">
        <Text fw={700}>
          {t('challenges.question', { number: group.questionNumber ?? '?' })}{' '}
          <Text span size="sm" c="dimmed" fw={400}>
            {group.sectionName}
          </Text>
        </Text>
        <Group gap={4}>
          {group.pending > 0 && (
            <Badge color="yellow">{t('challenges.pending', { count: group.pending })}</Badge>
          )}
          {group.accepted > 0 && (
            <Badge color="green">{t('challenges.accepted', { count: group.accepted })}</Badge>
          )}
          {group.rejected > 0 && (
            <Badge color="red">{t('challenges.rejected', { count: group.rejected })}</Badge>
          )}
        </Group>
      </Group>
      {question && (
        <Text size="sm" mt={4}>
          {group.dropped
            ? t('answerKey.dropped')
            : t('challenges.currentKey', { key: formatKeys(question, group.keys, t('answerKey.or')) })}
        </Text>
      )}
      <Stack gap={6} mt="xs">
        {group.challenges.map((c) => (
          <Paper key={c.id} bg="gray.0" p="xs" radius="sm">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {c.reason}
              </Text>
              <Badge
                size="sm"
                variant="light"
                color={c.status === 'pending' ? 'yellow' : c.status === 'accepted' ? 'green' : 'red'}
                style={{ flexShrink: 0 }}
              >
                {t(`challenges.status.${c.status}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {question && c.claimedAnswer
                ? t('challenges.claimed', { answer: formatAnswer(question, c.claimedAnswer) ?? '' })
                : t('challenges.noClaim')}
            </Text>
            {c.decisionReason && (
              <Text size="xs" mt={2} style={{ overflowWrap: 'anywhere' }}>
                {t('challenges.decision', { reason: c.decisionReason })}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
      {group.pending > 0 && (
        <Group gap="xs" mt="xs">
          <Button size="compact-sm" onClick={() => onDecide('accept')} data-testid="accept-challenges">
            {t('challenges.accept')}
          </Button>
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            onClick={() => onDecide('reject')}
            data-testid="reject-challenges"
          >
            {t('challenges.reject')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/**
 * The provisional key and its challenges for the exam's teachers (issue 11): publish the key with a
 * challenge window once answers are final, then the challenges grouped by question, each decided
 * with a reason (accepting revises the key and rescores every attempt).
 */
export function ChallengesCard({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const state = useStaffKeyState(examId);
  const groups = useChallengeGroups(examId, state.data?.published === true);
  const publish = usePublishKey(examId);
  const [hours, setHours] = useState<string>('48');
  const [confirming, setConfirming] = useState(false);
  const [deciding, setDeciding] = useState<{ group: ChallengeGroup; decision: 'accept' | 'reject' } | null>(
    null,
  );
  const data = state.data;
  // Shown from the server's time: the window is counted from the server's now when published.
  const closesAt = data ? new Date(Date.parse(data.serverNow) + Number(hours) * HOUR).toISOString() : null;

  const submit = () =>
    publish.mutate(Number(hours), {
      onSuccess: ({ provisionalKey }) =>
        notifySuccess(
          t('challenges.closesOn', { date: format.dateTime(provisionalKey.challengesCloseAt ?? '') }),
          t('challenges.published'),
        ),
      onError: (error) => notifyError(error, t('challenges.publishFailed')),
      onSettled: () => setConfirming(false),
    });

  return (
    <Card component="section" withBorder radius="md" padding="lg" aria-labelledby="key-challenges-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id="key-challenges-title">
            {t('challenges.title')}
          </Title>
          {data?.published && data.challengesCloseAt && (
            <Badge
              color={data.isWindowOpen ? 'green' : 'gray'}
              variant="light"
              tt="none"
              data-testid="challenge-window-badge"
            >
              {t(data.isWindowOpen ? 'challenges.open' : 'challenges.closed', {
                date: format.dateTime(data.challengesCloseAt),
              })}
            </Badge>
          )}
        </Group>
        <QueryContent query={state}>
          {(key) =>
            key.published ? (
              <Stack gap="sm">
                {key.publishedAt && (
                  <Text size="sm" c="dimmed">
                    {t('challenges.publishedOn', { date: format.dateTime(key.publishedAt) })}
                  </Text>
                )}
                <QueryContent query={groups}>
                  {(list) =>
                    list.length === 0 ? (
                      <Text size="sm">{t('challenges.none')}</Text>
                    ) : (
                      <Stack gap="sm">
                        {list.map((group) => (
                          <GroupView
                            key={group.questionId}
                            group={group}
                            onDecide={(decision) => setDeciding({ group, decision })}
                          />
                        ))}
                      </Stack>
                    )
                  }
                </QueryContent>
              </Stack>
            ) : (
              <Stack gap="sm">
                <Text size="sm">{t('challenges.intro')}</Text>
                {!key.canPublish && (
                  <Text size="sm" c="dimmed">
                    {key.possibleAt
                      ? t('challenges.notFinal', { date: format.dateTime(key.possibleAt) })
                      : t('challenges.notScheduled')}
                  </Text>
                )}
                <Group align="flex-end" gap="sm" wrap="wrap">
                  <Select
                    label={t('challenges.closeAfter')}
                    data={WINDOWS.map((h) => ({
                      value: String(h),
                      label:
                        h < 72
                          ? t('challenges.hours', { count: h })
                          : t('challenges.days', { count: h / 24 }),
                    }))}
                    value={hours}
                    onChange={(v) => v && setHours(v)}
                    allowDeselect={false}
                    w={{ base: '100%', sm: 200 }}
                  />
                  <Button
                    disabled={!key.canPublish}
                    onClick={() => setConfirming(true)}
                    data-testid="publish-key"
                  >
                    {t('challenges.publish')}
                  </Button>
                </Group>
              </Stack>
            )
          }
        </QueryContent>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('challenges.confirmTitle')}
        confirmLabel={t('challenges.publish')}
        color="blue"
        loading={publish.isPending}
        onConfirm={submit}
        onClose={() => setConfirming(false)}
      >
        {t('challenges.confirmBody', { date: closesAt ? format.dateTime(closesAt) : '—' })}
      </ConfirmModal>
      {deciding && (
        <DecisionModal
          examId={examId}
          group={deciding.group}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
        />
      )}
    </Card>
  );
}
