import { Alert, Box, Button, Grid, Modal, Stack, Tabs, Text } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
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
            return (
              <Tabs.Tab
                key={s.section.id}
                value={s.section.id}
                disabled={!isOpen}
                title={clock.isSectionClosed(s.section.id) ? 'This section is closed' : undefined}
              >
                {s.section.name}{' '}
                <Text span size="xs" c="dimmed">
                  ({counts.answered + counts.answered_marked_for_review}/{s.questions.length})
                </Text>
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
