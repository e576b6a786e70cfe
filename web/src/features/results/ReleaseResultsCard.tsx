import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { QueryContent } from '../../components/QueryContent';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useReleaseResults, useReleaseState, type ReleaseState } from './release-api';
import type { TFunction } from 'i18next';

type Translate = TFunction;

function describe(release: ReleaseState, t: Translate, language: string): string {
  const when = (iso: string) =>
    new Date(iso).toLocaleString(language === 'hi' ? 'hi-IN' : 'en-IN', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
  if (release.isReleased) {
    const at = release.releasedAt ?? release.releasesAt;
    const released = at ? t('release.releasedOn', { date: when(at) }) : t('release.released');
    return `${released} ${release.showsAnswerKey ? t('release.withKey') : t('release.withoutKey')}`;
  }
  switch (release.reason) {
    case 'NOT_SCHEDULED':
      return t('release.notScheduled');
    case 'NOT_FINAL':
      return t('release.notFinal', { date: release.possibleAt ? when(release.possibleAt) : '—' });
    case 'NOT_MANUAL':
      return release.releasesAt
        ? t('release.automaticOn', { date: when(release.releasesAt) })
        : t('release.automatic');
    case 'RELEASED':
    case null:
      return t('release.ready');
  }
}

/** The state of an exam's result release, with the button (and confirmation) for a manual release. */
export function ReleaseResultsCard({ examId }: { examId: string }) {
  const { t, i18n } = useTranslation();
  const query = useReleaseState(examId);
  const release = useReleaseResults(examId);
  const [confirming, setConfirming] = useState(false);

  const doRelease = () =>
    release.mutate(undefined, {
      onSuccess: () => notifySuccess(t('release.notified'), t('notifications.resultsReleased')),
      onError: (error) => notifyError(error, t('release.failed')),
      onSettled: () => setConfirming(false),
    });

  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="release-results-title">
      <QueryContent query={query}>
        {(state) => (
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Title order={3} size="h4" id="release-results-title">
                {t('release.title')}
              </Title>
              <Badge color={state.isReleased ? 'green' : 'gray'} variant="light">
                {state.isReleased ? t('release.released') : t('release.notReleased')}
              </Badge>
            </Group>
            <Text size="sm">{describe(state, t, i18n.language)}</Text>
            {state.mode === 'manual' && !state.isReleased && (
              <Group>
                <Button
                  leftSection={<IconSpeakerphone size={16} />}
                  disabled={!state.canReleaseNow}
                  onClick={() => setConfirming(true)}
                >
                  {t('release.button')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryContent>
      <ConfirmModal
        opened={confirming}
        title={t('release.confirmTitle')}
        confirmLabel={t('release.button')}
        color="blue"
        loading={release.isPending}
        onConfirm={doRelease}
        onClose={() => setConfirming(false)}
      >
        {query.data?.showsAnswerKey ? t('release.confirmWithKey') : t('release.confirmWithoutKey')}
      </ConfirmModal>
    </Card>
  );
}
