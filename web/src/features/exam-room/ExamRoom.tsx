import { Alert, Box, Button, Grid, Group, Loader, Modal, Stack, Tabs, Text } from '@mantine/core';
import { IconAlarm, IconLock, IconWifiOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { notifyError } from '../../lib/notify';
import { ActionBar } from './ActionBar';
import { ExamHeader } from './ExamHeader';
import { QuestionPalette } from './QuestionPalette';
import { QuestionView } from './QuestionView';
import { countStates, rejectionMessages } from './session-model';
import { SubmitModal } from './SubmitModal';
import type { Language } from './types';
import type { ExamSession } from './useExamSession';

/** Keys: 1-9 pick an option, arrows move, Enter is Save & Next (outside text fields). */
function handleKeys(event: KeyboardEvent, session: ExamSession) {
  const target = event.target as HTMLElement;
  if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input, textarea, [role="dialog"]'))
    return;
  if (event.key === 'ArrowRight') session.goNext();
  else if (event.key === 'ArrowLeft') session.goBack();
  else if (event.key === 'Enter' && target.tagName !== 'BUTTON') session.saveAndNext();
  else if (/^[1-9]$/.test(event.key)) {
    const option = document.querySelectorAll<HTMLElement>(
      '[aria-label="Options"] [role="radio"], [aria-label="Options"] [role="checkbox"]',
    )[Number(event.key) - 1];
    option?.click();
  } else return;
  event.preventDefault();
}

/**
 * When a locked section's time ends the room moves on by itself; this tells the candidate why, until
 * they dismiss it or the next section closes.
 */
function useClosedSectionNotice(session: ExamSession): { text: string; dismiss: () => void } | null {
  const { clock, sections } = session;
  const [notice, setNotice] = useState<string | null>(null);
  const lastOpen = useRef(clock.openSectionId);
  useEffect(() => {
    const previous = lastOpen.current;
    lastOpen.current = clock.openSectionId;
    if (!clock.isLocked || !previous || previous === clock.openSectionId || !clock.openSectionId) return;
    const name = (id: string) => sections.find((s) => s.section.id === id)?.section.name ?? id;
    setNotice(
      `The time for ${name(previous)} is over and it is now closed. You are in ${name(clock.openSectionId)}.`,
    );
  }, [clock.isLocked, clock.openSectionId, sections]);
  return notice ? { text: notice, dismiss: () => setNotice(null) } : null;
}

export function ExamRoom({
  session,
  candidateName,
  language,
  onLanguage,
}: {
  session: ExamSession;
  candidateName: string;
  language: Language;
  onLanguage: (l: Language) => void;
}) {
  const [isSummaryOpen, setSummaryOpen] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const { sections, currentId, currentSectionId, sync, clock } = session;
  const allIds = sections.flatMap((s) => s.questions.map((q) => q.id));
  const section = sections.find((s) => s.section.id === currentSectionId) ?? sections[0];
  const question = section?.questions.find((q) => q.id === currentId);
  const rejection = sync.rejections[currentId];
  const closedNotice = useClosedSectionNotice(session);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => handleKeys(event, session);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);

  const confirmSubmit = () => {
    setSubmitting(true);
    session.submit().then(
      () => setSummaryOpen(false),
      (error: unknown) => {
        setSubmitting(false);
        notifyError(error, 'Could not submit — your answers are kept; try again when online');
      },
    );
  };

  return (
    <Box mih="100dvh" bg="gray.0">
      <ExamHeader
        examName={session.title}
        candidateName={candidateName}
        clock={clock}
        pendingCount={sync.pendingIds.size}
        language={language}
        onLanguage={onLanguage}
      />
      {!sync.isOnline && (
        <Alert color="orange" icon={<IconWifiOff />} radius={0} role="status" data-testid="offline-banner">
          Offline — your answers are kept on this device. Keep answering; they are sent when the connection
          returns.
        </Alert>
      )}
      {closedNotice && (
        <Alert
          color="blue"
          icon={<IconLock />}
          radius={0}
          role="status"
          data-testid="section-closed-notice"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={closedNotice.dismiss}
        >
          {closedNotice.text}
        </Alert>
      )}
      <Tabs
        value={currentSectionId}
        onChange={(id) =>
          id && session.goTo(sections.find((s) => s.section.id === id)?.questions[0]?.id ?? currentId)
        }
        px="md"
        pt="xs"
      >
        <Tabs.List>
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
                  isClosed
                    ? 'This section is closed'
                    : isOpen
                      ? undefined
                      : 'This section opens when the previous one ends'
                }
              >
                {s.section.name}{' '}
                <Text span size="xs" c="dimmed">
                  ({counts.answered + counts.answered_marked_for_review}/{s.questions.length})
                </Text>
                {isClosed && (
                  <Text span size="xs" fw={700} c="red.8">
                    {' '}
                    · Closed
                  </Text>
                )}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      <Grid p="md">
        <Grid.Col span={{ base: 12, sm: 8, lg: 9 }}>
          <Stack gap="md">
            {question && (
              <QuestionView
                key={question.id}
                question={question}
                number={allIds.indexOf(question.id) + 1}
                language={language}
                optionOrder={session.optionOrder[question.id]}
                answer={session.responses[question.id]?.answer ?? null}
                rejection={
                  rejection ? (rejectionMessages[rejection] ?? 'This answer was not accepted.') : undefined
                }
                onAnswer={session.setAnswer}
              />
            )}
            <ActionBar session={session} onSubmit={() => setSummaryOpen(true)} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4, lg: 3 }}>
          {section && (
            <QuestionPalette
              sectionName={section.section.name}
              questionIds={section.questions.map((q) => q.id)}
              allIds={allIds}
              currentId={currentId}
              stateOf={session.stateOf}
              pendingIds={sync.pendingIds}
              onSelect={session.goTo}
            />
          )}
        </Grid.Col>
      </Grid>
      <SubmitModal
        session={session}
        opened={isSummaryOpen}
        isSubmitting={isSubmitting}
        onClose={() => setSummaryOpen(false)}
        onConfirm={confirmSubmit}
      />
      <Modal
        opened={session.isTimeUp && !sync.isDeviceReplaced}
        onClose={() => undefined}
        withCloseButton={false}
        closeOnEscape={false}
        closeOnClickOutside={false}
        title={
          <Text span fw={700} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <IconAlarm size={20} aria-hidden />
            Time is up
          </Text>
        }
        centered
      >
        <Group gap="sm" wrap="nowrap" data-testid="time-up">
          <Loader size="sm" />
          <Text size="sm">
            {sync.isOnline
              ? 'The exam time is over and answers can no longer be changed. Your exam is being submitted with the answers you saved — please wait and do not close this window.'
              : 'The exam time is over and answers can no longer be changed. You are offline: the answers you gave in time are kept on this device and are sent as soon as the connection returns — do not close this window.'}
          </Text>
        </Group>
      </Modal>
      <Modal
        opened={sync.isDeviceReplaced}
        onClose={() => undefined}
        withCloseButton={false}
        closeOnEscape={false}
        closeOnClickOutside={false}
        title="This exam was opened on another device"
        centered
      >
        <Text size="sm">
          Answers from this window are no longer saved. Continue on the other device, or start again here to
          take the exam back.
        </Text>
        <Button mt="md" onClick={() => window.location.reload()}>
          Take the exam back on this device
        </Button>
      </Modal>
    </Box>
  );
}
