import { Button, Checkbox, Group, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ASSERTION_REASON_OPTION_IDS, type Answer } from '@examtech/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useChallenge, type KeyItem } from './api';
import { formatKeys, optionLabel } from './format';

const NONE = '';

/** The claimed answer the form builds; null when none is named (or the type has no simple input). */
function buildClaim(item: KeyItem, picked: string[], text: string): Answer | null {
  const { question } = item;
  switch (question.type) {
    case 'mcq_single':
    case 'mcq_multi': {
      const optionIds = picked.filter((id) => id !== NONE);
      return optionIds.length > 0 ? { type: question.type, optionIds } : null;
    }
    case 'assertion_reason': {
      const optionId = ASSERTION_REASON_OPTION_IDS.find((id) => id === picked[0]);
      return optionId ? { type: 'assertion_reason', optionId } : null;
    }
    case 'numerical':
      return text.trim() ? { type: 'numerical', value: text.trim() } : null;
    case 'tita':
      return text.trim() ? { type: 'tita', text: text.trim() } : null;
    case 'matrix_match':
      return null;
  }
}

/** A candidate challenges one question's provisional key: a reason, and optionally the answer they hold right. */
export function ChallengeModal({
  examId,
  item,
  onClose,
}: {
  examId: string;
  item: KeyItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const challenge = useChallenge(examId);
  const [reason, setReason] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [text, setText] = useState('');
  const { question } = item;
  const options =
    question.type === 'assertion_reason'
      ? [...ASSERTION_REASON_OPTION_IDS]
      : 'options' in question
        ? question.options.map((o) => o.id)
        : [];
  const submit = () =>
    challenge.mutate(
      { questionId: item.questionId, reason: reason.trim(), claimedAnswer: buildClaim(item, picked, text) },
      {
        onSuccess: () => {
          notifySuccess(t('answerKey.modal.sent'), t('answerKey.status.pending'));
          onClose();
        },
        onError: (error) => notifyError(error, t('answerKey.modal.failed')),
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('answerKey.modal.title', { number: item.number })} centered>
      <Stack gap="md">
        <Text size="sm">
          {t('answerKey.modal.currentKey', { key: formatKeys(question, item.keys, t('answerKey.or')) })}
        </Text>
        <Textarea
          label={t('answerKey.modal.reason')}
          description={t('answerKey.modal.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={3}
          required
          data-autofocus
          data-testid="challenge-reason"
        />
        {question.type === 'mcq_multi' ? (
          <Checkbox.Group label={t('answerKey.modal.claim')} value={picked} onChange={setPicked}>
            <Group mt="xs">
              {options.map((id) => (
                <Checkbox key={id} value={id} label={optionLabel(question, id)} />
              ))}
            </Group>
          </Checkbox.Group>
        ) : options.length > 0 ? (
          <Radio.Group
            label={t('answerKey.modal.claim')}
            value={picked[0] ?? NONE}
            onChange={(value) => setPicked([value])}
          >
            <Stack gap={6} mt="xs">
              <Radio value={NONE} label={t('answerKey.modal.noClaim')} />
              {options.map((id) => (
                <Radio key={id} value={id} label={optionLabel(question, id)} />
              ))}
            </Stack>
          </Radio.Group>
        ) : question.type === 'numerical' || question.type === 'tita' ? (
          <TextInput
            label={t('answerKey.modal.claim')}
            placeholder={t('answerKey.modal.value')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            maxLength={64}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={reason.trim() === ''}
            loading={challenge.isPending}
            onClick={submit}
            data-testid="submit-challenge"
          >
            {t('answerKey.modal.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
