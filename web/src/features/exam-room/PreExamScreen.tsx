import {
  Alert,
  Button,
  Checkbox,
  Container,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MathMarkdown } from '../../components/MathMarkdown';
import { useUiLanguage } from '../../i18n/ui-language';
import { errorMessage } from '../../lib/notify';
import type { ExamInfo } from './exam-info';
import { generalInstructions } from './instructions';
import { isProctored, needsConsent as asksConsent } from './proctoring/kinds';
import { requestFullScreenOnStart } from './proctoring/media';
import { ProctoringConsent, useScreenShare } from './proctoring/PreExamProctoring';
import { SystemCheck, useCameraCheck, type CameraCheck } from './SystemCheck';
import { LANGUAGE_CHOICES, languageChoices, type Language } from './types';
import { formatClock, useServerNow } from './useSectionClock';

/** Why Start is blocked by the camera, or null when the camera is fine (or not needed). */
function cameraBlock(
  camera: CameraCheck,
): { text: 'cameraAsk' | 'cameraBlocked'; isFailure: boolean } | null {
  switch (camera.status) {
    case 'not_required':
    case 'ready':
      return null;
    case 'checking':
      return { text: 'cameraAsk', isFailure: false };
    case 'denied':
    case 'not_found':
    case 'in_use':
    case 'stopped':
    case 'unsupported':
    case 'failed':
      return { text: 'cameraBlocked', isFailure: true };
  }
}

/**
 * Exams made before the default instructions lost their own "## General instructions" heading still
 * carry it under the screen's title of the same words: a first heading that only repeats the title goes.
 */
function withoutRepeatedTitle(markdown: string, title: string): string {
  const heading = /^\s*#{1,6}[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/.exec(markdown);
  const text = heading?.[1]?.trim().toLocaleLowerCase();
  return heading && text === title.trim().toLocaleLowerCase() ? markdown.slice(heading[0].length) : markdown;
}

/**
 * Before the exam: countdown, system check, instructions with the declaration, language, Start.
 * `info` is null only when it could not be loaded (the page shows a loader while it loads).
 */
export function PreExamScreen({
  info,
  candidateName,
  isStarting,
  startError,
  onStart,
}: {
  info: ExamInfo | null;
  candidateName: string;
  isStarting: boolean;
  startError: unknown;
  /** `hasProctoringConsent`: the candidate agreed to the exam's proctoring (sent with Start). */
  onStart: (language: Language, hasProctoringConsent: boolean) => void;
}) {
  const { t } = useTranslation();
  // The instructions are read in the interface language; its switch here is the page's own.
  const { language: readingLanguage, setLanguage: setReadingLanguage } = useUiLanguage();
  const [chosenExamLanguage, setExamLanguage] = useState<Language | null>(null);
  // Until the candidate picks one: the interface language when the paper has it, else the paper's first.
  const paperLanguages = info?.languages ?? [];
  const examLanguage: Language =
    chosenExamLanguage ??
    (paperLanguages.length === 0 || paperLanguages.includes(readingLanguage)
      ? readingLanguage
      : (paperLanguages[0] ?? 'en'));
  const [hasAgreed, setAgreed] = useState(false);
  const now = useServerNow(info?.offsetMs ?? 0);
  const camera = useCameraCheck(info?.cameraRequired === true);
  const blockedByCamera = cameraBlock(camera);
  const proctoring = info?.proctoring ?? null;
  const isWatched = isProctored(proctoring);
  const needsConsent = asksConsent(proctoring);
  const [hasConsented, setConsented] = useState(false);
  const screen = useScreenShare(proctoring?.screenRecording === true);
  const isBlockedByProctoring = (needsConsent && !hasConsented) || (screen.isRequired && !screen.stream);
  const start = () => {
    // Inside the click: full screen and the screen share's hand-over need the candidate's gesture.
    if (proctoring?.fullScreenRequired) requestFullScreenOnStart();
    if (screen.stream) screen.handOver();
    onStart(examLanguage, needsConsent && hasConsented);
  };
  const startsInMs = info?.startsAt ? Date.parse(info.startsAt) - now : 0;
  const instructionsTitle = t('examRoom.preExam.generalInstructions');
  return (
    <Container size="md" py="lg" data-testid="pre-exam">
      <Stack gap="md">
        <div>
          <Title order={1} fz="h2">
            {info?.title ?? t('examRoom.exam')}
          </Title>
          <Text c="dimmed">
            {t('examRoom.candidate', { name: candidateName })}
            {info ? t('examRoom.preExam.duration', { count: info.durationMinutes }) : ''}
            {info?.compensatoryMinutes
              ? t('examRoom.preExam.compensatory', { minutes: info.compensatoryMinutes })
              : ''}
          </Text>
        </div>
        {startsInMs > 0 && (
          <Alert color="blue" title={t('examRoom.preExam.startsIn')} data-testid="countdown">
            <Text ff="monospace" fz="xl" fw={700}>
              {formatClock(startsInMs)}
            </Text>
          </Alert>
        )}
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="h4" mb="sm">
            {t('examRoom.preExam.systemCheck')}
          </Title>
          <SystemCheck camera={camera} />
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="h4">
              {instructionsTitle}
            </Title>
            <SegmentedControl
              size="xs"
              aria-label={t('examRoom.preExam.instructionsLanguage')}
              value={readingLanguage}
              onChange={(value) => setReadingLanguage(value)}
              data={LANGUAGE_CHOICES}
            />
          </Group>
          <div lang={readingLanguage}>
            <MathMarkdown>
              {withoutRepeatedTitle(
                info?.instructions[readingLanguage] || generalInstructions[readingLanguage],
                instructionsTitle,
              )}
            </MathMarkdown>
          </div>
        </Paper>
        {isWatched && (
          <ProctoringConsent
            settings={proctoring}
            asksConsent={needsConsent}
            hasConsented={hasConsented}
            onConsent={setConsented}
            screen={screen}
          />
        )}
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Select
              label={t('examRoom.preExam.questionLanguage')}
              maw={320}
              value={examLanguage}
              allowDeselect={false}
              onChange={(value) => setExamLanguage(value ?? 'en')}
              data={languageChoices('both')}
            />
            <Checkbox
              checked={hasAgreed}
              onChange={(event) => setAgreed(event.currentTarget.checked)}
              label={t('examRoom.preExam.declaration')}
            />
            {blockedByCamera && (
              <Alert
                color={blockedByCamera.isFailure ? 'red' : 'blue'}
                title={t('examRoom.preExam.cameraRequired')}
                data-testid="camera-blocked"
              >
                {t(`examRoom.preExam.${blockedByCamera.text}`)}
              </Alert>
            )}
            {needsConsent && !hasConsented && (
              <Text size="sm" c="dimmed" data-testid="consent-needed">
                {t('proctoringRoom.consent.needed')}
              </Text>
            )}
            {startError !== null && startError !== undefined && (
              <Alert color="red" role="alert">
                {errorMessage(startError)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button
                size="md"
                disabled={!hasAgreed || startsInMs > 0 || blockedByCamera !== null || isBlockedByProctoring}
                loading={isStarting}
                onClick={start}
              >
                {startsInMs > 0 ? t('examRoom.preExam.startLater') : t('examRoom.preExam.ready')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
