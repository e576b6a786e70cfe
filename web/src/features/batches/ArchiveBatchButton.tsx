import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notifyError, notifySuccess } from '../../lib/notify';
import type { Batch } from '../../lib/types';
import { useUpdateBatch } from './api';

export function ArchiveBatchButton({ batch }: { batch: Batch }) {
  const [opened, { open, close }] = useDisclosure();
  const updateBatch = useUpdateBatch();
  const archiving = !batch.archived;

  const confirm = () =>
    updateBatch.mutate(
      { id: batch.id, archived: archiving },
      {
        onSuccess: () => {
          notifySuccess(archiving ? `Batch “${batch.name}” archived` : `Batch “${batch.name}” restored`);
          close();
        },
        onError: (error) => notifyError(error),
      },
    );

  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color={archiving ? 'red' : 'indigo'}
        leftSection={archiving ? <IconArchive size={14} /> : <IconArchiveOff size={14} />}
        onClick={open}
        aria-label={`${archiving ? 'Archive' : 'Restore'} batch ${batch.name}`}
      >
        {archiving ? 'Archive' : 'Restore'}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={close}
        title={archiving ? 'Archive batch?' : 'Restore batch?'}
        confirmLabel={archiving ? 'Archive batch' : 'Restore batch'}
        color={archiving ? 'red' : 'indigo'}
        loading={updateBatch.isPending}
        onConfirm={confirm}
      >
        {archiving
          ? `“${batch.name}” will be hidden from lists and selections. Its students keep their accounts, and you can restore it at any time.`
          : `“${batch.name}” will appear in lists and selections again.`}
      </ConfirmModal>
    </>
  );
}
