import { Alert, Box, Button, Drawer, Grid, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAlarm, IconLock, IconWifiOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../lib/notify';
import { ActionBar, StickyActionBar } from './ActionBar';
import { CompactHeader } from './CompactHeader';
import { ExamHeader } from './ExamHeader';
import classes from './PhoneLayout.module.css';
import { PausedOverlay, ProctorBanners, ProctorIndicator } from './proctoring/ProctorRoomUi';
import type { Proctoring } from './proctoring/useProctoring';
import { QuestionPalette } from './QuestionPalette';
import { QuestionView } from './QuestionView';
import { SectionTabs } from './SectionTabs';
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
      '[data-options] [role="radio"], [data-options] [role="checkbox"]',
    )[Number(event.key) - 1];
    option?.click();
  } else return;
  event.preventDefault();
}

/** Below Mantine's `sm` (48em): the phone layout. Read at once, so the first paint has the right one. */
function useIsPhone(): boolean {
  return useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
}

/**
 * When a locked section's time ends the room moves on by itself; this tells the candidate why, until
 * they dismiss it or the next section closes.
 */
function useClosedSectionNotice(session: ExamSession): { text: string; dismiss: () => void } | null {
  const { t } = useTranslation();
  const { clock, sections } = session;
  const [notice, setNotice] = useState<string | null>(null);
  const lastOpen = useRef(clock.openSectionId);
  useEffect(() => {
    const previous = lastOpen.current;
    lastOpen.current = clock.openSectionId;
    if (!clock.isLocked || !previous || previous === clock.openSectionId || !clock.openSectionId) return;
    const name = (id: string) => sections.find((s) => s.section.id === id)?.section.name ?? id;
    setNotice(
      t('examRoom.sectionClosedNotice', { previous: name(previous), current: name(clock.openSectionId) }),
    );
  }, [clock.isLocked, clock.openSectionId, sections, t]);
  return notice ? { text: notice, dismiss: () => setNotice(null) } : null;
}

export function ExamRoom({
  session,
  proctor,
  candidateName,
  language,
  onLanguage,
}: {
  session: ExamSession;
  proctor: Proctoring;
  candidateName: string;
  language: Language;
  onLanguage: (l: Language) => void;
}) {
  const { t } = useTranslation();
  const [isSummaryOpen, setSummaryOpen] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const { sections, currentId, currentSectionId, sync, clock } = session;
  const allIds = sections.flatMap((s) => s.questions.map((q) => q.id));
  const section = sections.find((s) => s.section.id === currentSectionId) ?? sections[0];
  const question = section?.questions.find((q) => q.id === currentId);
  const rejection = sync.rejections[currentId];
  const closedNotice = useClosedSectionNotice(session);
  const paused = session.serverState.attempt.paused ?? null;
  const isPaused = paused !== null;
  const isPhone = useIsPhone();
  const [isPaletteOpen, paletteDrawer] = useDisclosure(false);
  // Nothing opens over the pause, the time-up notice or the other device's takeover.
  const canUsePalette = isPhone && !isPaused && !session.isTimeUp && !sync.isDeviceReplaced;

  useEffect(() => {
    // On a phone the next question is read from its top, not from where the last one was scrolled to.
    if (isPhone) window.scrollTo({ top: 0 });
  }, [currentId, isPhone]);

  useEffect(() => {
    if (isPaused) return; // paused by the proctor: no input at all
    const onKey = (event: KeyboardEvent) => handleKeys(event, session);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isPaused, session]);

  const confirmSubmit = () => {
    setSubmitting(true);
    session.submit().then(
      () => setSummaryOpen(false),
      (error: unknown) => {
        setSubmitting(false);
        notifyError(error, t('examRoom.submitFailed'));
      },
    );
  };

  const headerProps = {
    examName: session.title,
    candidateName,
    clock,
    pendingCount: sync.pendingIds.size,
    language,
    onLanguage,
    proctorStatus: proctor.view && (
      <ProctorIndicator
        view={proctor.view}
        violations={proctor.view.violations ?? session.serverState.attempt.violations ?? null}
        isCompact={isPhone}
      />
    ),
  };
  const questionView = question && (
    <QuestionView
      key={question.id}
      question={question}
      number={allIds.indexOf(question.id) + 1}
      language={language}
      optionOrder={session.optionOrder[question.id]}
      answer={session.responses[question.id]?.answer ?? null}
      rejection={
        rejection
          ? t(`examRoom.rejections.${rejection}`, { defaultValue: t('examRoom.notAccepted') })
          : undefined
      }
      onAnswer={session.setAnswer}
      isCompact={isPhone}
    />
  );
  const palette = (isInDrawer: boolean) =>
    section && (
      <QuestionPalette
        sectionName={section.section.name}
        questionIds={section.questions.map((q) => q.id)}
        allIds={allIds}
        currentId={currentId}
        stateOf={session.stateOf}
        pendingIds={sync.pendingIds}
        isRoomy={isInDrawer}
        onSelect={(id) => {
          session.goTo(id);
          if (isInDrawer) paletteDrawer.close();
        }}
      />
    );

  return (
    <Box className={classes.room} bg="gray.0">
      <div className={classes.stickyTop}>
        {isPhone ? (
          <CompactHeader {...headerProps} onOpenPalette={paletteDrawer.open} />
        ) : (
          <ExamHeader {...headerProps} />
        )}
      </div>
      {!sync.isOnline && (
        <Alert color="orange" icon={<IconWifiOff />} radius={0} role="status" data-testid="offline-banner">
          {t('examRoom.offline')}
        </Alert>
      )}
      {paused && <PausedOverlay paused={paused} />}
      {proctor.view && <ProctorBanners view={proctor.view} actions={proctor.actions} />}
      {closedNotice && (
        <Alert
          color="blue"
          icon={<IconLock />}
          radius={0}
          role="status"
          data-testid="section-closed-notice"
          withCloseButton
          closeButtonLabel={t('common.dismiss')}
          onClose={closedNotice.dismiss}
        >
          {closedNotice.text}
        </Alert>
      )}
      <SectionTabs session={session} />
      {isPhone ? (
        <>
          <Box className={classes.main} p="xs">
            {questionView}
          </Box>
          <StickyActionBar session={session} onSubmit={() => setSummaryOpen(true)} />
          <Drawer
            opened={isPaletteOpen && canUsePalette}
            onClose={paletteDrawer.close}
            position="right"
            size="calc(min(22rem, 88vw))"
            padding="sm"
            title={t('examRoomPhone.paletteTitle')}
            closeButtonProps={{ 'aria-label': t('examRoomPhone.closePalette') }}
          >
            {palette(true)}
          </Drawer>
        </>
      ) : (
        <Grid p="md">
          <Grid.Col span={{ base: 12, sm: 8, lg: 9 }}>
            <Stack gap="md">
              {questionView}
              <ActionBar session={session} onSubmit={() => setSummaryOpen(true)} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4, lg: 3 }}>{palette(false)}</Grid.Col>
        </Grid>
      )}
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
            {t('examRoom.timeUp')}
          </Text>
        }
        centered
      >
        <Group gap="sm" wrap="nowrap" data-testid="time-up">
          <Loader size="sm" />
          <Text size="sm">{sync.isOnline ? t('examRoom.timeUpOnline') : t('examRoom.timeUpOffline')}</Text>
        </Group>
      </Modal>
      <Modal
        opened={sync.isDeviceReplaced}
        onClose={() => undefined}
        withCloseButton={false}
        closeOnEscape={false}
        closeOnClickOutside={false}
        title={t('examRoom.replacedTitle')}
        centered
      >
        <Text size="sm">{t('examRoom.replacedText')}</Text>
        <Button mt="md" onClick={() => window.location.reload()}>
          {t('examRoom.takeBack')}
        </Button>
      </Modal>
    </Box>
  );
}
