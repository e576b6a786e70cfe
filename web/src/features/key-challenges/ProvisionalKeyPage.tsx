import {
  Alert,
  Badge,
  Button,
  Collapse,
  Container,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLocalFormat } from '../../i18n/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useCandidateKey, useWithdrawChallenge, type ChallengeStatus, type KeyItem } from './api';
import { ChallengeModal } from './ChallengeModal';
import { QuestionBody } from '../analysis/QuestionList';
import { formatAnswer, formatKeys } from './format';

const statusColour: Record<ChallengeStatus, string> = {
  pending: 'yellow',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

function KeyCard({
  item,
  isWindowOpen,
  examId,
  onChallenge,
}: {
  item: KeyItem;
  isWindowOpen: boolean;
  examId: string;
  onChallenge: (item: KeyItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const withdraw = useWithdrawChallenge(examId);
  const [isOpen, setOpen] = useState(false);
  const own = item.challenge;
  const standing = own && own.status !== 'withdrawn' ? own : null;
  const response = formatAnswer(item.question, item.response);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-label={t('answerKey.question', { number: item.number })}
      data-testid="key-question"
    >
      <Group justify="space-between" gap="xs">
        <Text fw={700}>
          {t('answerKey.question', { number: item.number })}{' '}
          <Text span size="sm" c="dimmed" fw={400}>
            {item.sectionName}
          </Text>
        </Text>
        <Group gap={4}>
          {item.isRevised && !item.dropped && (
            <Badge color="blue" variant="light" tt="none">
              {t('answerKey.revised')}
            </Badge>
          )}
          {item.dropped && (
            <Badge color="grape" variant="light" tt="none">
              {t('answerKey.dropped')}
            </Badge>
          )}
          {own && (
            <Badge color={statusColour[own.status]} tt="none" data-testid="challenge-status">
              {t(`answerKey.status.${own.status}`)}
            </Badge>
          )}
        </Group>
      </Group>
      <Stack gap={2} mt="xs">
        <Text size="sm">
          <Text span fw={700}>
            {t('answerKey.yourResponse')}:
          </Text>{' '}
          {response ?? t('answerKey.notAnswered')}
        </Text>
        <Text size="sm" data-testid="provisional-key">
          <Text span fw={700}>
            {t('answerKey.key')}:
          </Text>{' '}
          {item.dropped
            ? t(item.dropped === 'everyone' ? 'answerKey.droppedEveryone' : 'answerKey.droppedAttempted')
            : formatKeys(item.question, item.keys, t('answerKey.or'))}
        </Text>
      </Stack>
      {standing && (
        <Paper bg="gray.0" p="xs" mt="xs" radius="sm">
          <Text size="sm" fw={600}>
            {t('answerKey.yourChallenge')}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {standing.reason}
          </Text>
          {standing.claimedAnswer && (
            <Text size="xs" c="dimmed">
              {t('answerKey.claimed', { answer: formatAnswer(item.question, standing.claimedAnswer) ?? '' })}
            </Text>
          )}
          {standing.decisionReason && (
            <Text size="sm" mt={4} data-testid="challenge-decision" style={{ overflowWrap: 'anywhere' }}>
              {t('answerKey.decision', { reason: standing.decisionReason })}
            </Text>
          )}
        </Paper>
      )}
      <Group gap="xs" mt="xs">
        <Button variant="subtle" size="compact-sm" onClick={() => setOpen((v) => !v)} aria-expanded={isOpen}>
          {isOpen ? t('answerKey.hideQuestion') : t('answerKey.showQuestion')}
        </Button>
        {isWindowOpen && !standing && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => onChallenge(item)}
            data-testid="challenge-button"
          >
            {t('answerKey.challenge')}
          </Button>
        )}
        {isWindowOpen && standing?.status === 'pending' && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            loading={withdraw.isPending}
            onClick={() =>
              withdraw.mutate(standing.id, {
                onSuccess: () => notifySuccess(t('answerKey.withdrawn')),
                onError: (error) => notifyError(error, t('answerKey.withdrawFailed')),
              })
            }
          >
            {t('answerKey.withdraw')}
          </Button>
        )}
      </Group>
      <Collapse expanded={isOpen} keepMounted={false}>
        <QuestionBody question={item.question} language={i18n.language} />
      </Collapse>
    </Paper>
  );
}

/**
 * The provisional answer key for a candidate (/exams/:examId/answer-key, issue 11): each question
 * with their recorded response and the key as it stands, and a Challenge button while the window
 * is open. Before publication: that it is not out yet. Never a solution (the server sends none).
 */
export function ProvisionalKeyPage() {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const { examId = '' } = useParams();
  const key = useCandidateKey(examId);
  const [challenging, setChallenging] = useState<KeyItem | null>(null);
  const data = key.data;
  return (
    <Container size="md" py="lg" px={{ base: 'xs', sm: 'md' }}>
      <Stack gap="md">
        <div>
          <Title order={1} fz="h2">
            {t('answerKey.title')}
          </Title>
          {data && (
            <Text c="dimmed" size="sm">
              {data.title}
            </Text>
          )}
        </div>
        {key.isPending && <Loader aria-label={t('common.loading')} />}
        {key.isError && (
          <Alert color="red" title={t('answerKey.loadFailed')}>
            <Link to="/">{t('analysis.backToDashboard')}</Link>
          </Alert>
        )}
        {data && !data.published && (
          <Alert color="gray" data-testid="key-not-published">
            {t('answerKey.notPublished')}
          </Alert>
        )}
        {data?.published && !data.hasSat && <Alert color="gray">{t('answerKey.notSat')}</Alert>}
        {data?.published && data.hasSat && data.challengesCloseAt && (
          <Alert color={data.isWindowOpen ? 'blue' : 'gray'} data-testid="challenge-window">
            {t(data.isWindowOpen ? 'answerKey.windowOpen' : 'answerKey.windowClosed', {
              date: format.dateTime(data.challengesCloseAt),
            })}{' '}
            {t('answerKey.noSolutions')}
          </Alert>
        )}
        {data?.questions.map((item) => (
          <KeyCard
            key={item.questionId}
            item={item}
            examId={examId}
            isWindowOpen={data.isWindowOpen}
            onChallenge={setChallenging}
          />
        ))}
      </Stack>
      {challenging && (
        <ChallengeModal examId={examId} item={challenging} onClose={() => setChallenging(null)} />
      )}
    </Container>
  );
}
