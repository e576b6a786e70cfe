import { ActionBar, Button, Modal, Stack, TagsInput, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconFolderSymlink, IconTag, IconTagOff } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { FormActions } from '../../components/FormActions';
import { notifyError, notifySuccess } from '../../lib/notify';
import { emptySyllabusPath, SyllabusSelects, type SyllabusPath } from '../syllabus/SyllabusSelects';
import { useBulkQuestionAction, useQuestionTags, type BulkAction } from './api';

type Dialog = 'tag' | 'untag' | 'move' | 'archive' | 'restore' | null;

interface BulkActionsProps {
  ids: string[];
  isArchivedView: boolean;
  onDone: () => void;
}

const plural = (count: number) => `${count} question${count === 1 ? '' : 's'}`;

/** Floating bar over a selection of questions; every action asks first and applies to all or none. */
export function BulkActions({ ids, isArchivedView, onDone }: BulkActionsProps) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [path, setPath] = useState<SyllabusPath>(emptySyllabusPath);
  const knownTags = useQuestionTags();
  const bulk = useBulkQuestionAction();

  const close = () => {
    setDialog(null);
    setTags([]);
    setPath(emptySyllabusPath);
  };

  const run = (action: BulkAction, message: string) =>
    bulk.mutate(
      { ...action, ids },
      {
        onSuccess: ({ updated }) => {
          notifySuccess(`${plural(updated)} ${message}`);
          close();
          onDone();
        },
        onError: (error) => notifyError(error, 'Nothing was changed'),
      },
    );

  const isTagging = dialog === 'tag' || dialog === 'untag';

  return (
    <>
      <ActionBar opened={ids.length > 0} onClose={onDone} aria-label="Bulk actions" shadow="lg">
        <Text size="sm" fw={600} px="xs">
          {plural(ids.length)} selected
        </Text>
        <ActionBar.Divider />
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconTag size={14} />}
          onClick={() => setDialog('tag')}
        >
          Add tags
        </Button>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconTagOff size={14} />}
          onClick={() => setDialog('untag')}
        >
          Remove tags
        </Button>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconFolderSymlink size={14} />}
          onClick={() => setDialog('move')}
        >
          Move
        </Button>
        {isArchivedView ? (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconArchiveOff size={14} />}
            onClick={() => setDialog('restore')}
          >
            Restore
          </Button>
        ) : (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconArchive size={14} />}
            onClick={() => setDialog('archive')}
          >
            Archive
          </Button>
        )}
        <ActionBar.CloseButton aria-label="Clear selection" />
      </ActionBar>

      <Modal
        opened={isTagging}
        onClose={close}
        title={dialog === 'tag' ? 'Add tags' : 'Remove tags'}
        centered
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (tags.length === 0 || !isTagging) return;
            run({ action: dialog, tags }, dialog === 'tag' ? 'tagged' : 'untagged');
          }}
        >
          <Stack>
            <TagsInput
              label="Tags"
              description={`Applied to ${plural(ids.length)}. Press Enter after each tag.`}
              data={(knownTags.data ?? []).map((item) => item.tag)}
              value={tags}
              onChange={setTags}
              data-autofocus
            />
            <FormActions
              submitLabel={dialog === 'tag' ? 'Add tags' : 'Remove tags'}
              loading={bulk.isPending}
              onCancel={close}
            />
          </Stack>
        </form>
      </Modal>

      <Modal opened={dialog === 'move'} onClose={close} title="Move to topic" centered size="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (path.topicId) run({ action: 'move', topicId: path.topicId }, 'moved');
          }}
        >
          <Stack>
            <SyllabusSelects value={path} onChange={setPath} required cols={1} />
            <FormActions
              submitLabel={`Move ${plural(ids.length)}`}
              loading={bulk.isPending}
              onCancel={close}
            />
          </Stack>
        </form>
      </Modal>

      <ConfirmModal
        opened={dialog === 'archive' || dialog === 'restore'}
        onClose={close}
        title={dialog === 'archive' ? 'Archive questions?' : 'Restore questions?'}
        confirmLabel={
          dialog === 'archive' ? `Archive ${plural(ids.length)}` : `Restore ${plural(ids.length)}`
        }
        color={dialog === 'archive' ? 'red' : 'indigo'}
        loading={bulk.isPending}
        onConfirm={() =>
          dialog === 'archive'
            ? run({ action: 'archive' }, 'archived')
            : run({ action: 'restore' }, 'restored')
        }
      >
        {dialog === 'archive'
          ? `${plural(ids.length)} will be hidden from the bank and from new papers. Exams that already use them keep them, and you can restore them at any time.`
          : `${plural(ids.length)} will be back in the bank.`}
      </ConfirmModal>
    </>
  );
}
