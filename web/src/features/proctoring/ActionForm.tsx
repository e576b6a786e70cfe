import { Alert, Button, NumberInput, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { errorMessage, notifyError, notifySuccess } from '../../lib/notify';
import { buildActionRequest, MAX_EXTEND_MINUTES, MAX_TEXT, needsText } from './actions';
import { useProctorAction } from './api';
import { availableActions } from './rows';
import type { ActionKind, CandidateRow } from './types';

/** The proctor's actions on one attempt: only those its state allows, each with a reason. */
export function ActionForm({
  examId,
  row,
  compact,
}: {
  examId: string;
  row: CandidateRow;
  compact: boolean;
}) {
  const { t } = useTranslation();
  const available = availableActions(row);
  const [chosen, setChosen] = useState<ActionKind>('message');
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState<number | string>(10);
  const [confirming, setConfirming] = useState(false);
  const action = useProctorAction(examId);

  if (row.attemptId === null || available.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="no-actions">
        {row.status === 'submitted' ? t('proctoring.drawer.submitted') : t('proctoring.drawer.notStarted')}
      </Text>
    );
  const attemptId = row.attemptId;
  // The status can change under the form (a live update): fall back to an action that still applies.
  const kind = available.includes(chosen) ? chosen : (available[0] as ActionKind);
  const request = buildActionRequest(kind, { reason, text, minutes });

  const run = () => {
    if (!request) return;
    action.mutate(
      { attemptId, request },
      {
        onSuccess: () => {
          notifySuccess(row.name, t(`proctoring.actions.done.${kind}`));
          setReason('');
          setText('');
          setConfirming(false);
        },
        onError: (error) => {
          setConfirming(false);
          notifyError(error, t('proctoring.actions.failed'));
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <SegmentedControl
        data={available.map((value) => ({ value, label: t(`proctoring.actions.kind.${value}`) }))}
        value={kind}
        onChange={(value) => {
          setChosen(value);
          action.reset();
        }}
        orientation={compact ? 'vertical' : 'horizontal'}
        fullWidth
        size="xs"
        aria-label={t('proctoring.drawer.actions')}
      />
      {needsText(kind) && (
        <Textarea
          label={t('proctoring.actions.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={MAX_TEXT}
          autosize
          minRows={2}
          required
        />
      )}
      {kind === 'extend' && (
        <NumberInput
          label={t('proctoring.actions.minutes')}
          value={minutes}
          onChange={setMinutes}
          min={1}
          max={MAX_EXTEND_MINUTES}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          required
        />
      )}
      <Textarea
        label={t('proctoring.actions.reason')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        maxLength={MAX_TEXT}
        autosize
        minRows={2}
        required
      />
      {action.isError && (
        <Alert color="red" variant="light" role="alert" data-testid="action-error">
          {errorMessage(action.error)}
        </Alert>
      )}
      <Button
        color={kind === 'terminate' ? 'red' : kind === 'pause' || kind === 'warn' ? 'orange' : undefined}
        disabled={request === null}
        loading={action.isPending && kind !== 'terminate'}
        onClick={() => (kind === 'terminate' ? setConfirming(true) : run())}
        data-testid="run-action"
      >
        {t(`proctoring.actions.submit.${kind}`)}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={t('proctoring.actions.confirmTitle', { name: row.name })}
        confirmLabel={t('proctoring.actions.submit.terminate')}
        loading={action.isPending}
        onConfirm={run}
        onClose={() => setConfirming(false)}
      >
        {t('proctoring.actions.confirmBody')}
      </ConfirmModal>
    </Stack>
  );
}
