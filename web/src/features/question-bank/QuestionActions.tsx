import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArchiveOff, IconCopy, IconPencil } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notifyError, notifySuccess } from '../../lib/notify';
import type { QuestionDetail } from '../../lib/types';
import { useDuplicateQuestion, useSetQuestionArchived } from './api';

/** Edit, duplicate and archive/restore from a question's page. */
export function QuestionActions({ question }: { question: QuestionDetail }) {
  const navigate = useNavigate();
  const duplicate = useDuplicateQuestion();
  const setArchived = useSetQuestionArchived();
  const [isConfirmOpen, confirm] = useDisclosure();
  const isArchiving = question.status === 'active';

  const runDuplicate = () =>
    duplicate.mutate(question.id, {
      onSuccess: ({ question: copy }) => {
        notifySuccess('A copy was added to the bank. Edit it now.', 'Question duplicated');
        void navigate(`/questions/${copy.id}/edit`);
      },
      onError: (error) => notifyError(error, 'The question was not duplicated'),
    });

  const runArchive = () =>
    setArchived.mutate(
      { id: question.id, archived: isArchiving },
      {
        onSuccess: () => {
          notifySuccess(isArchiving ? 'Question archived' : 'Question restored');
          confirm.close();
        },
        onError: (error) => notifyError(error),
      },
    );

  return (
    <>
      <Button
        variant="default"
        color={isArchiving ? 'red' : undefined}
        leftSection={isArchiving ? <IconArchive size={16} /> : <IconArchiveOff size={16} />}
        onClick={confirm.open}
      >
        {isArchiving ? 'Archive' : 'Restore'}
      </Button>
      <Button
        variant="default"
        leftSection={<IconCopy size={16} />}
        onClick={runDuplicate}
        loading={duplicate.isPending}
      >
        Duplicate
      </Button>
      <Button component={Link} to={`/questions/${question.id}/edit`} leftSection={<IconPencil size={16} />}>
        Edit
      </Button>
      <ConfirmModal
        opened={isConfirmOpen}
        onClose={confirm.close}
        title={isArchiving ? 'Archive question?' : 'Restore question?'}
        confirmLabel={isArchiving ? 'Archive question' : 'Restore question'}
        color={isArchiving ? 'red' : 'indigo'}
        loading={setArchived.isPending}
        onConfirm={runArchive}
      >
        {isArchiving
          ? 'The question leaves the bank’s lists and cannot be added to new papers. Exams that already use it keep it, and you can restore it at any time.'
          : 'The question returns to the bank.'}
      </ConfirmModal>
    </>
  );
}
