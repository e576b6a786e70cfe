import { Badge, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { IconCloudCheck, IconCloudUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, type SectionClock } from './useSectionClock';
import { LANGUAGE_CHOICES, type Language } from './types';

const FIVE_MINUTES = 5 * 60_000;

/** `isStacked`: the label above the clock, for the narrow header of a phone. */
export function Timer({
  label,
  ms,
  testId,
  isStacked = false,
}: {
  label: string;
  ms: number;
  testId: string;
  isStacked?: boolean;
}) {
  const clock = (
    <Text
      fw={700}
      ff="monospace"
      fz={isStacked ? 'md' : 'lg'}
      lh={isStacked ? 1.2 : undefined}
      c={ms <= FIVE_MINUTES ? 'red.7' : undefined}
      data-testid={testId}
    >
      {formatClock(ms)}
    </Text>
  );
  if (isStacked)
    return (
      <div role="timer" aria-label={label} style={{ textAlign: 'right', flex: 'none' }}>
        <Text size="xs" c="dimmed" lh={1.2} style={{ whiteSpace: 'nowrap' }}>
          {label}
        </Text>
        {clock}
      </div>
    );
  return (
    <Group gap={6} wrap="nowrap" role="timer" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {clock}
    </Group>
  );
}

/** Whether every answer reached the server; `isCompact` lets it shrink (ellipsis) in a narrow row. */
export function SyncBadge({
  pendingCount,
  isCompact = false,
}: {
  pendingCount: number;
  isCompact?: boolean;
}) {
  const { t } = useTranslation();
  const isSaved = pendingCount === 0;
  const text = isSaved ? t('examRoom.allSaved') : t('examRoom.waitingToSync', { count: pendingCount });
  return (
    <Badge
      title={isCompact ? text : undefined}
      color={isSaved ? 'teal' : 'orange'}
      variant="light"
      tt="none"
      leftSection={isSaved ? <IconCloudCheck size={14} /> : <IconCloudUp size={14} />}
      data-testid="sync-status"
      style={isCompact ? { minWidth: 0, flex: '0 1 auto' } : undefined}
    >
      {text}
    </Badge>
  );
}

export function LanguageSwitch({
  language,
  onLanguage,
}: {
  language: Language;
  onLanguage: (language: Language) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('examRoom.questionLanguage')}
      value={language}
      onChange={(value) => onLanguage(value)}
      data={LANGUAGE_CHOICES}
    />
  );
}

export interface ExamHeaderProps {
  examName: string;
  candidateName: string;
  clock: SectionClock;
  pendingCount: number;
  language: Language;
  onLanguage: (language: Language) => void;
  /** A proctored exam's indicator (camera, screen, violations), always in view. */
  proctorStatus?: ReactNode;
}

/** The NTA header of a desktop or tablet: title and candidate, then status, language and clocks. */
export function ExamHeader({
  examName,
  candidateName,
  clock,
  pendingCount,
  language,
  onLanguage,
  proctorStatus,
}: ExamHeaderProps) {
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
        <SyncBadge pendingCount={pendingCount} />
        <LanguageSwitch language={language} onLanguage={onLanguage} />
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
