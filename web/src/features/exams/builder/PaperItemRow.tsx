import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import type { MarkingScheme, MarkOverride } from '@examtech/core';
import { IconArrowsExchange, IconGripVertical, IconTrash } from '@tabler/icons-react';
import type { DraftItem } from '../types';
import { itemDndId, type DragData } from './dnd';
import { MarkingOverride } from './MarkingOverride';
import { QuestionBadges, QuestionStem } from './QuestionMeta';

interface PaperItemRowProps {
  item: DraftItem;
  number: number;
  sectionId: string;
  scheme: MarkingScheme;
  isReadOnly: boolean;
  onRemove: () => void;
  onReplace: () => void;
  onMarkingChange: (marking: MarkOverride | undefined) => void;
}

/** One question of the paper: drag handle (mouse, touch or keyboard), preview, marks and actions. */
export function PaperItemRow({
  item,
  number,
  sectionId,
  scheme,
  isReadOnly,
  onRemove,
  onReplace,
  onMarkingChange,
}: PaperItemRowProps) {
  const data: DragData = { kind: 'item', sectionId, item };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: itemDndId(item.questionId), data, disabled: isReadOnly });
  const label = `question ${number}`;

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="xs"
      data-testid="paper-item"
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.4 : 1 }}
    >
      <Group wrap="nowrap" align="flex-start" gap="xs">
        {!isReadOnly && (
          <ActionIcon
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            variant="subtle"
            color="gray"
            aria-label={`Move ${label}`}
            style={{ cursor: 'grab', touchAction: 'none' }}
          >
            <IconGripVertical size={16} />
          </ActionIcon>
        )}
        <Text fw={700} size="sm" w={24} ta="right" mt={2} aria-hidden>
          {number}
        </Text>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          {item.question ? (
            <QuestionStem text={item.question.stemPreview} />
          ) : (
            <Text size="sm" c="red">
              This question was archived in the bank. Replace it or remove it.
            </Text>
          )}
          <Group justify="space-between" gap="xs" wrap="wrap">
            {item.question && <QuestionBadges question={item.question} />}
            <MarkingOverride
              scheme={scheme}
              type={item.question?.type ?? 'mcq_single'}
              marking={item.marking}
              label={label}
              isReadOnly={isReadOnly}
              onChange={onMarkingChange}
            />
          </Group>
        </Stack>
        {!isReadOnly && (
          <Group gap={2} wrap="nowrap">
            <Tooltip label="Replace with a similar question">
              <ActionIcon variant="subtle" color="gray" aria-label={`Replace ${label}`} onClick={onReplace}>
                <IconArrowsExchange size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove from the paper">
              <ActionIcon variant="subtle" color="red" aria-label={`Remove ${label}`} onClick={onRemove}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
