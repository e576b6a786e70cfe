import { Tabs, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './PhoneLayout.module.css';
import { countStates } from './session-model';
import type { ExamSession } from './useExamSession';

/**
 * The sections as NTA's tabs, each with its answered count; a closed or not yet open section is
 * disabled. On narrow screens they are one strip that scrolls sideways, kept on the open section.
 */
export function SectionTabs({ session }: { session: ExamSession }) {
  const { t } = useTranslation();
  const { sections, currentId, currentSectionId, clock } = session;
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const list = listRef.current;
    const tab = list?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    if (!list || !tab || list.scrollWidth <= list.clientWidth) return;
    // scrollIntoView would scroll the page too; only the strip moves, to centre the open section.
    list.scrollTo({ left: tab.offsetLeft - (list.clientWidth - tab.offsetWidth) / 2 });
  }, [currentSectionId]);

  return (
    <Tabs
      value={currentSectionId}
      onChange={(id) =>
        id && session.goTo(sections.find((s) => s.section.id === id)?.questions[0]?.id ?? currentId)
      }
      px={{ base: 'xs', sm: 'md' }}
      pt="xs"
      classNames={{ root: classes.tabs, list: classes.strip, tab: classes.stripTab }}
    >
      <Tabs.List ref={listRef} aria-label={t('examRoomPhone.sections')}>
        {sections.map((s) => {
          const counts = countStates(
            s.questions.map((q) => q.id),
            session.stateOf,
          );
          const isOpen = clock.isSectionOpen(s.section.id);
          const isClosed = clock.isSectionClosed(s.section.id);
          return (
            <Tabs.Tab
              key={s.section.id}
              value={s.section.id}
              disabled={!isOpen}
              data-closed={isClosed || undefined}
              leftSection={isClosed ? <IconLock size={14} aria-hidden /> : undefined}
              title={
                isClosed ? t('examRoom.sectionIsClosed') : isOpen ? undefined : t('examRoom.sectionNotOpen')
              }
            >
              {s.section.name}{' '}
              <Text span size="xs" c="dimmed">
                ({counts.answered + counts.answered_marked_for_review}/{s.questions.length})
              </Text>
              {isClosed && (
                <Text span size="xs" fw={700} c="red.8">
                  {' '}
                  · {t('examRoom.closed')}
                </Text>
              )}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
    </Tabs>
  );
}
