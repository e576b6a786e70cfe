import { Badge, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { IconCloudCheck, IconCloudUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, type SectionClock } from './useSectionClock';
import { LANGUAGE_CHOICES, type Language } from './types';

const FIVE_MINUTES = 5 * 60_000;

function Timer({ label, ms, testId }: { label: string; ms: number; testId: string }) {
  return (
    <Group gap={6} wrap="nowrap" role="timer" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} ff="monospace" fz="lg" c={ms <= FIVE_MINUTES ? 'red.7' : undefined} data-testid={testId}>
        {formatClock(ms)}
      </Text>
    </Group>
  );
}

export function ExamHeader({
  examName,
  candidateName,
  clock,
  pendingCount,
  language,
  onLanguage,
  proctorStatus,
}: {
  examName: string;
  candidateName: string;
  clock: SectionClock;
  pendingCount: number;
  language: Language;
  onLanguage: (language: Language) => void;
  /** A proctored exam's indicator (camera, screen, violations), always in view. */
  proctorStatus?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group
      justify="space-between"
      px="md"
      py="xs"
      bg="white"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      wrap="wrap"
      gap="xs"
    >
      <div style={{ minWidth: 0 }}>
        <Title order={1} fz="h4" lineClamp={1}>
          {examName}
        </Title>
        <Text size="sm" c="dimmed">
          {t('examRoom.candidate', { name: candidateName })}
        </Text>
      </div>
      <Group gap="md" wrap="wrap">
        {proctorStatus}
        {pendingCount === 0 ? (
          <Badge
            color="teal"
            variant="light"
            tt="none"
            leftSection={<IconCloudCheck size={14} />}
            data-testid="sync-status"
          >
            {t('examRoom.allSaved')}
          </Badge>
        ) : (
          <Badge
            color="orange"
            variant="light"
            tt="none"
            leftSection={<IconCloudUp size={14} />}
            data-testid="sync-status"
          >
            {t('examRoom.waitingToSync', { count: pendingCount })}
          </Badge>
        )}
        <SegmentedControl
          size="xs"
          aria-label={t('examRoom.questionLanguage')}
          value={language}
          onChange={(value) => onLanguage(value)}
          data={LANGUAGE_CHOICES}
        />
        {clock.sectionRemainingMs !== null && (
          <Timer
            label={t('examRoom.sectionTimeLeft')}
            ms={clock.sectionRemainingMs}
            testId="section-time-left"
          />
        )}
        <Timer label={t('examRoom.timeLeft')} ms={clock.totalRemainingMs} testId="time-left" />
      </Group>
    </Group>
  );
}
