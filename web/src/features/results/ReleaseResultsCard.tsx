import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { QueryContent } from '../../components/QueryContent';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useReleaseResults, useReleaseState, type ReleaseState } from './release-api';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-IN', { dateStyle: 'medium', timeStyle: 'short' });

function describe(release: ReleaseState): string {
  if (release.isReleased)
    return `Released ${release.releasedAt ? when(release.releasedAt) : release.releasesAt ? when(release.releasesAt) : ''}. ${
      release.showsAnswerKey
        ? 'Students see their score, the answer key and solutions.'
        : 'Students see their score; keys stay hidden.'
    }`;
  switch (release.reason) {
    case 'NOT_SCHEDULED':
      return 'Schedule the exam first: results can be released once every candidate has finished.';
    case 'NOT_FINAL':
      return `Candidates may still be answering. You can release the results from ${when(release.possibleAt!)}.`;
    case 'NOT_MANUAL':
      return release.releasesAt
        ? `Results go out by themselves on ${when(release.releasesAt)}.`
        : 'Results go out by themselves once the exam is scheduled and over.';
    case 'RELEASED':
    case null:
      return 'Every candidate has finished. Release the results when you are ready.';
  }
}

/** The state of an exam's result release, with the button (and confirmation) for a manual release. */
export function ReleaseResultsCard({ examId }: { examId: string }) {
  const query = useReleaseState(examId);
  const release = useReleaseResults(examId);
  const [confirming, setConfirming] = useState(false);

  const doRelease = () =>
    release.mutate(undefined, {
      onSuccess: () => notifySuccess('Candidates have been notified.', 'Results released'),
      onError: (error) => notifyError(error, 'Results not released'),
      onSettled: () => setConfirming(false),
    });

  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="release-results-title">
      <QueryContent query={query}>
        {(state) => (
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Title order={3} size="h4" id="release-results-title">
                Results
              </Title>
              <Badge color={state.isReleased ? 'green' : 'gray'} variant="light">
                {state.isReleased ? 'Released' : 'Not released'}
              </Badge>
            </Group>
            <Text size="sm">{describe(state)}</Text>
            {state.mode === 'manual' && !state.isReleased && (
              <Group>
                <Button
                  leftSection={<IconSpeakerphone size={16} />}
                  disabled={!state.canReleaseNow}
                  onClick={() => setConfirming(true)}
                >
                  Release results
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryContent>
      <ConfirmModal
        opened={confirming}
        title="Release the results?"
        confirmLabel="Release results"
        color="blue"
        loading={release.isPending}
        onConfirm={doRelease}
        onClose={() => setConfirming(false)}
      >
        Every candidate will see their score
        {query.data?.showsAnswerKey ? ', the answer key and the solutions' : ''} and get a notification. This
        cannot be undone.
      </ConfirmModal>
    </Card>
  );
}
