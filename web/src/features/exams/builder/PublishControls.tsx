import { Button, Group, Modal, Text } from '@mantine/core';
import { IconLockOpen, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { isApiError, type FieldError } from '../../../lib/api';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePublishExam, useUnpublishExam } from '../api';
import type { ExamDetail } from '../types';
import { IssueList } from './CheckerStatus';
import type { DraftEditor } from './useDraftEditor';

/** Publish (freeze a snapshot) or unpublish (back to draft, only before anyone starts). */
export function PublishControls({ exam, editor }: { exam: ExamDetail; editor: DraftEditor }) {
  const publish = usePublishExam(exam.id);
  const unpublish = useUnpublishExam(exam.id);
  const [confirming, setConfirming] = useState<'publish' | 'unpublish' | null>(null);
  const [refusal, setRefusal] = useState<FieldError[] | null>(null);

  const doPublish = async () => {
    if (!(await editor.flush())) {
      setConfirming(null);
      notifyError(new Error(editor.error ?? 'Save the paper before publishing.'), 'Not published');
      return;
    }
    publish.mutate(undefined, {
      onSuccess: () =>
        notifySuccess('The paper is frozen. Schedule it for your batches next.', 'Exam published'),
      onError: (error) => {
        if (isApiError(error, 'EXAM_DOES_NOT_FIT')) setRefusal(error.fields);
        else notifyError(error, 'Not published');
      },
      onSettled: () => setConfirming(null),
    });
  };

  const doUnpublish = () =>
    unpublish.mutate(undefined, {
      onSuccess: ({ exam: saved }) => {
        editor.reset(saved);
        notifySuccess('The exam is a draft again and can be edited.', 'Exam unpublished');
      },
      onError: (error) => notifyError(error, 'Not unpublished'),
      onSettled: () => setConfirming(null),
    });

  return (
    <>
      {exam.status === 'draft' ? (
        <Button leftSection={<IconSend size={16} />} onClick={() => setConfirming('publish')}>
          Publish
        </Button>
      ) : (
        <Button
          variant="default"
          leftSection={<IconLockOpen size={16} />}
          onClick={() => setConfirming('unpublish')}
          disabled={exam.status === 'live' || exam.status === 'ended'}
        >
          Unpublish
        </Button>
      )}
      <ConfirmModal
        opened={confirming === 'publish'}
        title="Publish this exam?"
        confirmLabel="Publish exam"
        color="blue"
        loading={publish.isPending}
        onConfirm={() => void doPublish()}
        onClose={() => setConfirming(null)}
      >
        Publishing freezes the paper as it is now: question versions, answer keys, marking and settings. Later
        edits to the bank will not change it. You can unpublish until the first candidate starts.
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'unpublish'}
        title="Unpublish this exam?"
        confirmLabel="Unpublish"
        loading={unpublish.isPending}
        onConfirm={doUnpublish}
        onClose={() => setConfirming(null)}
      >
        The exam goes back to draft and leaves candidates’ schedules until you publish it again.
      </ConfirmModal>
      <Modal
        opened={refusal !== null}
        onClose={() => setRefusal(null)}
        title="The paper cannot be published yet"
        centered
        size="lg"
      >
        <Text size="sm" mb="sm">
          It does not fit its pattern. Fix these, then publish again:
        </Text>
        <IssueList
          issues={(refusal ?? []).map((field) => ({ code: '', path: field.path, message: field.message }))}
          sections={editor.draft.sections}
        />
        <Group justify="flex-end" mt="md">
          <Button onClick={() => setRefusal(null)}>Back to the paper</Button>
        </Group>
      </Modal>
    </>
  );
}
