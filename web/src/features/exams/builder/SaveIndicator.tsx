import { Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCloudCheck } from '@tabler/icons-react';
import type { DraftEditor } from './useDraftEditor';

export function SaveIndicator({ editor }: { editor: DraftEditor }) {
  switch (editor.status) {
    case 'saved':
      return (
        <Group gap={4} c="dimmed" data-testid="save-status" aria-live="polite">
          <IconCloudCheck size={16} />
          <Text size="xs">All changes saved</Text>
        </Group>
      );
    case 'dirty':
    case 'saving':
      return (
        <Group gap={6} c="dimmed" data-testid="save-status" aria-live="polite">
          <Loader size={12} />
          <Text size="xs">Saving…</Text>
        </Group>
      );
    case 'error':
      return (
        <Group gap={6} data-testid="save-status" aria-live="assertive">
          <Tooltip label={editor.error ?? 'The last change was not saved'}>
            <Group gap={4} c="red">
              <IconAlertCircle size={16} />
              <Text size="xs">Not saved</Text>
            </Group>
          </Tooltip>
          <Button size="compact-xs" variant="light" color="red" onClick={() => void editor.flush()}>
            Retry
          </Button>
        </Group>
      );
  }
}
