import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Badge, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconPlus, IconSettings } from '@tabler/icons-react';
import type { DraftSection } from '../types';
import { formatSignedMarks } from '../labels';
import { formatMinutes } from '../time-format';
import { itemDndId, sectionDndId, tabDndId, type DragData } from './dnd';
import { removeItem, updateSection } from './draft-ops';
import { PaperItemRow } from './PaperItemRow';
import type { DraftEditor } from './useDraftEditor';

interface SectionPanelProps {
  editor: DraftEditor;
  activeSectionId: string | null;
  onActiveSectionChange: (sectionId: string) => void;
  onEditSection: (sectionId: string) => void;
  onAddSection: () => void;
  onReplace: (questionId: string) => void;
}

/** The paper: one tab per section (also a drop target), the active section's questions below. */
export function SectionPanel({
  editor,
  activeSectionId,
  onActiveSectionChange,
  onEditSection,
  onAddSection,
  onReplace,
}: SectionPanelProps) {
  const { draft, isReadOnly } = editor;
  const section = draft.sections.find((entry) => entry.id === activeSectionId) ?? draft.sections[0];
  // Questions are numbered through the whole paper, as candidates see them.
  const offset = draft.sections
    .slice(
      0,
      draft.sections.findIndex((entry) => entry.id === section?.id),
    )
    .reduce((sum, entry) => sum + entry.items.length, 0);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="xs">
        <Tabs
          value={section?.id ?? null}
          onChange={(value) => value && onActiveSectionChange(value)}
          variant="pills"
          radius="md"
          style={{ flex: 1 }}
        >
          <Tabs.List aria-label="Sections">
            {draft.sections.map((entry) => (
              <SectionTab key={entry.id} section={entry} />
            ))}
          </Tabs.List>
        </Tabs>
        {!isReadOnly && (
          <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={onAddSection}>
            Add section
          </Button>
        )}
      </Group>
      {section && (
        <SectionList
          section={section}
          offset={offset}
          editor={editor}
          onEdit={() => onEditSection(section.id)}
          onReplace={onReplace}
        />
      )}
    </Stack>
  );
}

function SectionTab({ section }: { section: DraftSection }) {
  const data: DragData = { kind: 'tab', sectionId: section.id };
  const { setNodeRef, isOver } = useDroppable({ id: tabDndId(section.id), data });
  const isFull = section.items.length === section.questionCount;
  return (
    <Tabs.Tab
      ref={setNodeRef}
      value={section.id}
      style={isOver ? { outline: '2px dashed var(--mantine-color-blue-5)' } : undefined}
      rightSection={
        <Badge size="xs" variant={isFull ? 'filled' : 'light'} color={isFull ? 'teal' : 'gray'} tt="none">
          {section.items.length}/{section.questionCount}
        </Badge>
      }
    >
      {section.name}
    </Tabs.Tab>
  );
}

function SectionList({
  section,
  offset,
  editor,
  onEdit,
  onReplace,
}: {
  section: DraftSection;
  offset: number;
  editor: DraftEditor;
  onEdit: () => void;
  onReplace: (questionId: string) => void;
}) {
  const { isReadOnly, update } = editor;
  const data: DragData = { kind: 'section', sectionId: section.id };
  const { setNodeRef, isOver } = useDroppable({ id: sectionDndId(section.id), data });
  const facts = [
    `${formatSignedMarks(section.scheme.correct)} / ${formatSignedMarks(section.scheme.wrong)}`,
    section.bestOf !== undefined ? `best ${section.bestOf} of ${section.questionCount}` : null,
    section.durationMinutes !== undefined && editor.draft.lockedSections
      ? formatMinutes(section.durationMinutes)
      : null,
    section.shuffleQuestions ? 'questions shuffled' : null,
  ].filter(Boolean);

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="sm"
      bg={isOver ? 'blue.0' : undefined}
      aria-label={`Section ${section.name}`}
      component="section"
      data-testid="section-list"
    >
      <Group justify="space-between" mb="sm" gap="xs">
        <div>
          <Text fw={700}>{section.name}</Text>
          <Text size="xs" c="dimmed">
            {section.items.length} of {section.questionCount} questions · {facts.join(' · ')}
          </Text>
        </div>
        <Button size="xs" variant="default" leftSection={<IconSettings size={14} />} onClick={onEdit}>
          {isReadOnly ? 'Section details' : 'Section settings'}
        </Button>
      </Group>
      <SortableContext
        items={section.items.map((item) => itemDndId(item.questionId))}
        strategy={verticalListSortingStrategy}
      >
        <Stack gap={6} mih={80}>
          {section.items.map((item, index) => (
            <PaperItemRow
              key={item.questionId}
              item={item}
              number={offset + index + 1}
              sectionId={section.id}
              scheme={section.scheme}
              isReadOnly={isReadOnly}
              onRemove={() => update((draft) => removeItem(draft, item.questionId))}
              onReplace={() => onReplace(item.questionId)}
              onMarkingChange={(marking) =>
                update((draft) =>
                  updateSection(draft, section.id, (entry) => ({
                    ...entry,
                    items: entry.items.map((other) =>
                      other.questionId === item.questionId ? { ...other, marking } : other,
                    ),
                  })),
                )
              }
            />
          ))}
          {section.items.length === 0 && (
            <Text
              size="sm"
              c="dimmed"
              ta="center"
              py="lg"
              style={{ border: '1px dashed var(--mantine-color-gray-4)', borderRadius: 8 }}
            >
              {isReadOnly
                ? 'No questions in this section.'
                : 'Drag questions here from the bank, or use Add, or Auto-select.'}
            </Text>
          )}
        </Stack>
      </SortableContext>
    </Paper>
  );
}
