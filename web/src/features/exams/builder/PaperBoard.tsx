import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { Grid, Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QuestionType } from '@examtech/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftItem } from '../types';
import { createAnnouncements, detectCollision, readDragData, type DragData } from './dnd';
import {
  createSectionId,
  findItemSection,
  isInPaper,
  placeItem,
  replaceItem,
  toDraftItem,
} from './draft-ops';
import { BankPanel } from './BankPanel';
import { ReplaceQuestionModal } from './ReplaceQuestionModal';
import { QuestionStem } from './QuestionMeta';
import { SectionPanel } from './SectionPanel';
import { SectionSettingsModal } from './SectionSettingsModal';
import type { DraftEditor } from './useDraftEditor';

/** The paper and the bank side by side, in one drag-and-drop context. */
export function PaperBoard({ editor, examId }: { editor: DraftEditor; examId: string }) {
  const { t } = useTranslation();
  const { draft, update, isReadOnly } = editor;
  const [activeSectionId, setActiveSectionId] = useState<string | null>(draft.sections[0]?.id ?? null);
  const [dragging, setDragging] = useState<DragData | null>(null);
  const [editingSectionId, setEditingSectionId] = useState<string | null>(null);
  const [replacingId, setReplacingId] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const activeSection = draft.sections.find((section) => section.id === activeSectionId) ?? draft.sections[0];

  const describe = (id: UniqueIdentifier): string => {
    const [kind, key] = String(id).split(':') as [string, string];
    if (kind === 'tab' || kind === 'section') {
      return `section ${draft.sections.find((section) => section.id === key)?.name ?? ''}`;
    }
    if (kind === 'bank') return 'a bank question';
    let number = 0;
    for (const section of draft.sections) {
      const index = section.items.findIndex((item) => item.questionId === key);
      if (index >= 0) return `question ${number + index + 1} of ${section.name}`;
      number += section.items.length;
    }
    return 'a question';
  };

  const onDragStart = ({ active }: DragStartEvent) => setDragging(readDragData(active.data) ?? null);

  /**
   * Whether a question may go into a section: a type the section does not take is refused here,
   * with the reason, rather than placed and flagged by the checker afterwards.
   */
  const accepts = (sectionId: string, type: QuestionType | undefined): boolean => {
    const section = draft.sections.find((entry) => entry.id === sectionId);
    if (!section || type === undefined || section.allowedTypes.includes(type)) return true;
    notifications.show({
      color: 'orange',
      title: t('builder.bank.notAllowedTitle', { section: section.name }),
      message: t('builder.bank.notAllowed', {
        section: section.name,
        type: t(`builder.types.${type}`),
        allowed: section.allowedTypes.map((allowed) => t(`builder.types.${allowed}`)).join(', '),
      }),
    });
    return false;
  };

  const place = (item: DraftItem, sectionId: string, index: number | null) => {
    // Reordering within a section is never refused, even around a question flagged earlier.
    const isMove = findItemSection(draft, item.questionId)?.id !== sectionId;
    if (isMove && !accepts(sectionId, item.question?.type)) return;
    update((current) => placeItem(current, item, sectionId, index));
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const source = readDragData(active.data);
    const target = readDragData(over?.data);
    if (!source || !target || !over || source.kind === 'section' || source.kind === 'tab') return;
    const item = source.kind === 'item' ? source.item : toDraftItem(source.question);
    if (target.kind === 'section' || target.kind === 'tab') {
      place(item, target.sectionId, null);
      return;
    }
    if (target.kind !== 'item') return;
    const section = findItemSection(draft, target.item.questionId);
    if (!section) return;
    let index = section.items.findIndex((entry) => entry.questionId === target.item.questionId);
    // From elsewhere, dropping on the lower half of a question puts the new one after it.
    const translated = active.rect.current.translated;
    const isFromElsewhere = source.kind === 'bank' || source.sectionId !== section.id;
    if (
      isFromElsewhere &&
      translated &&
      translated.top + translated.height / 2 > over.rect.top + over.rect.height / 2
    ) {
      index += 1;
    }
    place(item, section.id, index);
  };

  const addSection = () => {
    const id = createSectionId();
    update((current) => ({
      ...current,
      sections: [
        ...current.sections,
        {
          id,
          name: `Section ${String.fromCharCode(65 + current.sections.length)}`,
          scheme: { correct: 4, wrong: -1 },
          allowedTypes: ['mcq_single', 'numerical'],
          questionCount: 10,
          shuffleQuestions: false,
          shuffleOptions: false,
          items: [],
        },
      ],
    }));
    setActiveSectionId(id);
    setEditingSectionId(id);
  };

  const replacing = replacingId === null ? undefined : findItemSection(draft, replacingId);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={detectCollision}
      // Scroll only near the very edge, so a drop aimed at the lower questions stays where it is aimed.
      autoScroll={{ threshold: { x: 0, y: 0.1 } }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements: createAnnouncements(describe) }}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: isReadOnly ? 12 : 7, lg: isReadOnly ? 12 : 8 }}>
          <SectionPanel
            editor={editor}
            activeSectionId={activeSection?.id ?? null}
            onActiveSectionChange={setActiveSectionId}
            onEditSection={setEditingSectionId}
            onAddSection={addSection}
            onReplace={setReplacingId}
          />
        </Grid.Col>
        {!isReadOnly && (
          <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
            <BankPanel
              section={activeSection}
              isInPaper={(questionId) => isInPaper(draft, questionId)}
              onAdd={(question) => activeSection && place(toDraftItem(question), activeSection.id, null)}
            />
          </Grid.Col>
        )}
      </Grid>
      <DragOverlay dropAnimation={null}>
        {dragging && (dragging.kind === 'item' || dragging.kind === 'bank') && (
          <Paper withBorder shadow="lg" radius="md" p="xs" maw={420} style={{ cursor: 'grabbing' }}>
            <QuestionStem
              text={
                dragging.kind === 'item'
                  ? (dragging.item.question?.stemPreview ?? 'Archived question')
                  : dragging.question.stemPreview
              }
            />
          </Paper>
        )}
      </DragOverlay>
      {editingSectionId && (
        <SectionSettingsModal
          key={editingSectionId}
          editor={editor}
          sectionId={editingSectionId}
          onClose={() => setEditingSectionId(null)}
          onRemoved={() => setActiveSectionId(null)}
        />
      )}
      <ReplaceQuestionModal
        examId={examId}
        questionId={replacing ? replacingId : null}
        onClose={() => setReplacingId(null)}
        onPick={(replacement) => {
          if (replacingId) update((current) => replaceItem(current, replacingId, replacement));
          setReplacingId(null);
        }}
      />
    </DndContext>
  );
}
