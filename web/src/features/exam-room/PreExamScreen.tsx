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
import { MathMarkdown } from '../../components/MathMarkdown';
import { errorMessage } from '../../lib/notify';
import type { ExamInfo } from './exam-info';
import { generalInstructions } from './instructions';
import { SystemCheck, useCameraCheck, type CameraCheck } from './SystemCheck';
import { LANGUAGE_CHOICES, languageChoices, type Language } from './types';
import { formatClock, useServerNow } from './useSectionClock';

/** Why Start is blocked by the camera, or null when the camera is fine (or not needed). */
function cameraBlock(camera: CameraCheck): { text: string; isFailure: boolean } | null {
  switch (camera.status) {
    case 'not_required':
    case 'ready':
      return null;
    case 'checking':
      return {
        text: 'This exam needs your camera. Allow the browser to use it to continue.',
        isFailure: false,
      };
    case 'denied':
    case 'not_found':
    case 'in_use':
    case 'stopped':
    case 'unsupported':
    case 'failed':
      return {
        text: 'This exam needs a working camera. You cannot start until the camera check above passes.',
        isFailure: true,
      };
  }
}

/** Before the exam: countdown, system check, instructions with the declaration, language, Start. */
export function PreExamScreen({
  info,
  isInfoLoading,
  candidateName,
  isStarting,
  startError,
  onStart,
}: {
  info: ExamInfo | null;
  isInfoLoading: boolean;
  candidateName: string;
  isStarting: boolean;
  startError: unknown;
  onStart: (language: Language) => void;
}) {
  const [readingLanguage, setReadingLanguage] = useState<Language>('en');
  const [examLanguage, setExamLanguage] = useState<Language>('en');
  const [hasAgreed, setAgreed] = useState(false);
  const now = useServerNow(info?.offsetMs ?? 0);
  const camera = useCameraCheck(info?.cameraRequired === true);
  const blockedByCamera = cameraBlock(camera);
  const startsInMs = info?.startsAt ? Date.parse(info.startsAt) - now : 0;
  return (
    <Container size="md" py="lg">
      <Stack gap="md">
        <div>
          <Title order={1} fz="h2">
            {info?.title ?? 'Exam'}
          </Title>
          <Text c="dimmed">
            Candidate: {candidateName}
            {info
              ? ` · ${info.durationMinutes} minutes${info.compensatoryMinutes ? ` + ${info.compensatoryMinutes} minutes compensatory time` : ''}`
              : ''}
          </Text>
        </div>
        {startsInMs > 0 && (
          <Alert color="blue" title="The exam starts in" data-testid="countdown">
            <Text ff="monospace" fz="xl" fw={700}>
              {formatClock(startsInMs)}
            </Text>
          </Alert>
        )}
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="h4" mb="sm">
            System check
          </Title>
          <SystemCheck camera={camera} />
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="h4">
              General instructions
            </Title>
            <SegmentedControl
              size="xs"
              aria-label="Instructions language"
              value={readingLanguage}
              onChange={(value) => setReadingLanguage(value)}
              data={LANGUAGE_CHOICES}
            />
          </Group>
          <div lang={readingLanguage}>
            <MathMarkdown>
              {info?.instructions[readingLanguage] || generalInstructions[readingLanguage]}
            </MathMarkdown>
          </div>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Select
              label="Language of the questions (you can switch at any time)"
              maw={320}
              value={examLanguage}
              allowDeselect={false}
              onChange={(value) => setExamLanguage(value ?? 'en')}
              data={languageChoices('both')}
            />
            <Checkbox
              checked={hasAgreed}
              onChange={(event) => setAgreed(event.currentTarget.checked)}
              label="I have read and understood the instructions. All computer hardware allotted to me is in proper working condition. I declare that I am not in possession of any prohibited material."
            />
            {blockedByCamera && (
              <Alert
                color={blockedByCamera.isFailure ? 'red' : 'blue'}
                title="Camera required"
                data-testid="camera-blocked"
              >
                {blockedByCamera.text}
              </Alert>
            )}
            {startError !== null && startError !== undefined && (
              <Alert color="red" role="alert">
                {errorMessage(startError)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button
                size="md"
                // Until the exam's requirements are known, the camera check cannot be skipped.
                disabled={!hasAgreed || startsInMs > 0 || isInfoLoading || blockedByCamera !== null}
                loading={isStarting}
                onClick={() => onStart(examLanguage)}
              >
                {startsInMs > 0 ? 'Start (available at the start time)' : 'I am ready to begin'}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
