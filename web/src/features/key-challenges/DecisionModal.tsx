import {
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../lib/notify';
import type { DropAward } from '../results/revisions-api';
import { useDecideChallenges, type ChallengeGroup, type DecisionRevision } from './api';
import { optionLabel } from './format';

type Kind = DecisionRevision['kind'];

/** The revision the accept form builds; null while incomplete. */
function buildRevision(group: ChallengeGroup, kind: Kind, picked: string[], value: string, award: DropAward) {
  const type = group.question?.type;
  if (kind === 'drop') return { kind, award } as const;
  const values = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const keys =
    type === 'numerical'
      ? values.map((v) => ({ kind: 'exact', value: v }))
      : type === 'mcq_multi' && kind === 'change_key'
        ? picked.length > 0
          ? [{ optionIds: picked }]
          : []
        : picked.map((optionId) => ({ optionId }));
  if (kind === 'change_key') return keys.length === 1 ? ({ kind, key: keys[0]! } as const) : null;
  return keys.length > 0 ? ({ kind, keys } as const) : null;
}

/**
 * A teacher's decision on every pending challenge of one question: accept (with the revision it
 * makes: change the key, accept several answers, or drop the question) or reject, with a reason
 * the challengers read.
 */
export function DecisionModal({
  examId,
  group,
  decision,
  onClose,
}: {
  examId: string;
  group: ChallengeGroup;
  decision: 'accept' | 'reject';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideChallenges(examId);
  const question = group.question;
  const type = question?.type;
  const options = question && 'options' in question ? question.options.map((o) => o.id) : [];
  const canChangeKey = options.length > 0 || type === 'numerical';
  const canAccept = canChangeKey && type !== 'mcq_multi';
  const [kind, setKind] = useState<Kind>(canChangeKey ? 'change_key' : 'drop');
  const [picked, setPicked] = useState<string[]>([]);
  const [value, setValue] = useState('');
  const [award, setAward] = useState<DropAward>('everyone');
  const [reason, setReason] = useState('');
  const revision = decision === 'accept' ? buildRevision(group, kind, picked, value, award) : null;
  const isReady = reason.trim() !== '' && (decision === 'reject' || revision !== null);
  const single = kind === 'change_key' && type !== 'mcq_multi';
  const number = group.questionNumber ?? '?';

  const submit = () => {
    const input =
      decision === 'accept' && revision
        ? { decision, revision, reason: reason.trim() }
        : { decision: 'reject' as const, reason: reason.trim() };
    decide.mutate(
      { questionId: group.questionId, input },
      {
        onSuccess: () => {
          notifySuccess(
            t(decision === 'accept' ? 'challenges.decide.accepted' : 'challenges.decide.rejected'),
          );
          onClose();
        },
        onError: (error) => notifyError(error, t('challenges.decide.failed')),
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={t(decision === 'accept' ? 'challenges.decide.acceptTitle' : 'challenges.decide.rejectTitle', {
        number,
      })}
    >
      <Stack gap="md">
        <Text size="sm">
          {t(decision === 'accept' ? 'challenges.decide.acceptBody' : 'challenges.decide.rejectBody', {
            count: group.pending,
          })}
        </Text>
        {decision === 'accept' && question && (
          <>
            <SegmentedControl
              aria-label={t('challenges.decide.kind')}
              value={kind}
              onChange={(v) => {
                setKind(v);
                setPicked([]);
              }}
              data={[
                { value: 'change_key', label: t('challenges.decide.changeKey'), disabled: !canChangeKey },
                { value: 'accept_keys', label: t('challenges.decide.acceptSeveral'), disabled: !canAccept },
                { value: 'drop', label: t('challenges.decide.drop') },
              ]}
              fullWidth
            />
            {kind === 'drop' ? (
              <Radio.Group label={t('challenges.decide.award')} value={award} onChange={(v) => setAward(v)}>
                <Stack gap={6} mt="xs">
                  <Radio value="everyone" label={t('challenges.decide.everyone')} />
                  <Radio value="attempted" label={t('challenges.decide.attempted')} />
                </Stack>
              </Radio.Group>
            ) : type === 'numerical' ? (
              <TextInput
                label={single ? t('challenges.decide.value') : t('challenges.decide.values')}
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
              />
            ) : single ? (
              <Radio.Group
                label={t('challenges.decide.correctOption')}
                value={picked[0] ?? null}
                onChange={(v) => setPicked([v])}
              >
                <Group mt="xs">
                  {options.map((id) => (
                    <Radio key={id} value={id} label={optionLabel(question, id)} />
                  ))}
                </Group>
              </Radio.Group>
            ) : (
              <Checkbox.Group
                label={
                  kind === 'accept_keys'
                    ? t('challenges.decide.acceptedOptions')
                    : t('challenges.decide.correctOptions')
                }
                value={picked}
                onChange={setPicked}
              >
                <Group mt="xs">
                  {options.map((id) => (
                    <Checkbox key={id} value={id} label={optionLabel(question, id)} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          </>
        )}
        <Textarea
          label={t('challenges.decide.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          required
          data-testid="decision-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={decision === 'accept' ? 'blue' : 'red'}
            disabled={!isReady}
            loading={decide.isPending}
            onClick={submit}
            data-testid="confirm-decision"
          >
            {t(decision === 'accept' ? 'challenges.decide.confirmAccept' : 'challenges.decide.confirmReject')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
