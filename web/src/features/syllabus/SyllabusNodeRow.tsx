import { ActionIcon, Badge, Group, Menu, Text } from '@mantine/core';
import {
  IconArchive,
  IconArchiveOff,
  IconArrowDown,
  IconArrowUp,
  IconDots,
  IconPencil,
  IconPlus,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { SyllabusKind } from '../../lib/types';

export interface NodeRowProps {
  kind: SyllabusKind;
  name: string;
  meta: ReactNode;
  isArchived: boolean;
  isFirst: boolean;
  isLast: boolean;
  childKind?: SyllabusKind;
  onRename: () => void;
  onMove: (step: -1 | 1) => void;
  onArchive: (archived: boolean) => void;
  onAddChild?: () => void;
  /** The subject's accordion control or a chapter's expand button. */
  leading?: ReactNode;
  /** Only the buttons, when the name is already shown beside them (a subject's accordion control). */
  isActionsOnly?: boolean;
}

/** One node of the tree with its actions: rename, move up/down, archive or restore, add a child. */
export function SyllabusNodeRow(props: NodeRowProps) {
  const { kind, name, meta, isArchived, isFirst, isLast, childKind, leading, isActionsOnly } = props;
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" py={4}>
      <Group
        gap="xs"
        wrap="nowrap"
        style={{ minWidth: 0, flex: 1 }}
        display={isActionsOnly ? 'none' : undefined}
      >
        {leading}
        <Group gap={6} style={{ minWidth: 0, rowGap: 0 }}>
          <Text size="sm" fw={kind === 'topic' ? 400 : 600} c={isArchived ? 'dimmed' : undefined}>
            {name}
          </Text>
          {isArchived && (
            <Badge size="xs" color="gray" tt="none">
              Archived
            </Badge>
          )}
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {meta}
          </Text>
        </Group>
      </Group>
      <Group gap={2} wrap="nowrap">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Move ${name} up`}
          disabled={isFirst}
          onClick={() => props.onMove(-1)}
        >
          <IconArrowUp size={16} />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Move ${name} down`}
          disabled={isLast}
          onClick={() => props.onMove(1)}
        >
          <IconArrowDown size={16} />
        </ActionIcon>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${name}`}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {childKind && props.onAddChild && !isArchived && (
              <Menu.Item leftSection={<IconPlus size={14} />} onClick={props.onAddChild}>
                Add {childKind}
              </Menu.Item>
            )}
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={props.onRename}>
              Rename
            </Menu.Item>
            {isArchived ? (
              <Menu.Item leftSection={<IconArchiveOff size={14} />} onClick={() => props.onArchive(false)}>
                Restore
              </Menu.Item>
            ) : (
              <Menu.Item
                color="red"
                leftSection={<IconArchive size={14} />}
                onClick={() => props.onArchive(true)}
              >
                Archive
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}
