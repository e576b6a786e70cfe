import { ActionIcon, Button, Group, Popover, Stack, Text, Title } from '@mantine/core';
import { IconDotsVertical, IconLayoutGrid } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch, SyncBadge, Timer, type ExamHeaderProps } from './ExamHeader';

/**
 * The header of a phone: the title (one line), the clocks and a menu button, then the save status,
 * proctoring and the palette's button. The candidate's name and the language switch wait behind a menu button: they are
 * looked at once, while the clocks are looked at all the time.
 */
export function CompactHeader({
  examName,
  candidateName,
  clock,
  pendingCount,
  language,
  onLanguage,
  proctorStatus,
  onOpenPalette,
}: ExamHeaderProps & { onOpenPalette: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap={4}
      px="xs"
      py={6}
      bg="white"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      data-testid="compact-header"
    >
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Title order={1} fz="sm" lh={1.3} lineClamp={1} style={{ minWidth: 0, flex: '1 1 auto' }}>
          {examName}
        </Title>
        <Group gap="sm" wrap="nowrap" style={{ flex: 'none' }}>
          {clock.sectionRemainingMs !== null && (
            <Timer
              label={t('examRoom.sectionTimeLeft')}
              ms={clock.sectionRemainingMs}
              testId="section-time-left"
              isStacked
            />
          )}
          <Timer label={t('examRoom.timeLeft')} ms={clock.totalRemainingMs} testId="time-left" isStacked />
          <Popover position="bottom-end" shadow="md" withArrow width={260}>
            <Popover.Target>
              <ActionIcon variant="default" size={40} aria-label={t('examRoomPhone.details')}>
                <IconDotsVertical size={20} aria-hidden />
              </ActionIcon>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs" data-testid="exam-details">
                <Text fw={700} size="sm">
                  {examName}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('examRoom.candidate', { name: candidateName })}
                </Text>
                <Text size="xs" fw={600}>
                  {t('examRoom.questionLanguage')}
                </Text>
                <LanguageSwitch language={language} onLanguage={onLanguage} />
              </Stack>
            </Popover.Dropdown>
          </Popover>
        </Group>
      </Group>
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0, flex: '1 1 auto', overflow: 'hidden' }}>
          <SyncBadge pendingCount={pendingCount} isCompact />
          {proctorStatus}
        </Group>
        <Button
          variant="light"
          size="sm"
          h={40}
          px="sm"
          leftSection={<IconLayoutGrid size={18} aria-hidden />}
          onClick={onOpenPalette}
        >
          {t('examRoomPhone.openPalette')}
        </Button>
      </Group>
    </Stack>
  );
}
