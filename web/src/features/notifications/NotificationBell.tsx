import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLocalFormat } from '../../i18n/format';
import { useLiveNotifications, useMarkRead, useNotifications, type Notice } from './api';

type Translate = TFunction;

function describe(
  notice: Notice,
  t: Translate,
  dateTime: (iso: string) => string,
): { title: string; body: string; to: string | null } {
  const title = notice.payload.title ?? t('notifications.yourExam');
  if (notice.kind === 'key.provisionalPublished' && notice.payload.examId)
    return {
      title: t('notifications.provisionalKey'),
      body: t('notifications.provisionalKeyBody', {
        title,
        date: notice.payload.challengesCloseAt ? dateTime(notice.payload.challengesCloseAt) : '—',
      }),
      to: `/exams/${notice.payload.examId}/answer-key`,
    };
  if (notice.kind === 'key.challengeDecided' && notice.payload.examId)
    return {
      title: t('notifications.challengeDecided'),
      body:
        notice.payload.decision === 'accepted'
          ? t('notifications.challengeAccepted', { title })
          : t('notifications.challengeRejected', { title }),
      to: `/exams/${notice.payload.examId}/answer-key`,
    };
  if (notice.kind === 'results.released' && notice.payload.examId)
    return {
      title: t('notifications.resultsReleased'),
      body: t('notifications.resultReady', { title: notice.payload.title ?? t('notifications.yourExam') }),
      to: `/exam/${notice.payload.examId}`,
    };
  if (notice.kind === 'results.revised' && notice.payload.examId)
    return {
      title: t('notifications.resultsRevised'),
      body: t('notifications.resultChanged', { title: notice.payload.title ?? t('notifications.yourExam') }),
      to: `/exam/${notice.payload.examId}`,
    };
  return { title: t('notifications.notice'), body: notice.payload.title ?? '', to: null };
}

/** The header's bell: unread count, the latest notices, mark read; updated live over the socket. */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useLocalFormat();
  useLiveNotifications();
  const notices = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const unread = notices.data?.unread ?? 0;

  const open = (notice: Notice) => {
    const { to } = describe(notice, t, (iso) => format.dateTime(iso));
    if (!notice.readAt) markRead.mutate(notice.id);
    setOpened(false);
    if (to) void navigate(to);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} shadow="md">
      <Popover.Target>
        <Indicator label={unread} size={18} disabled={unread === 0} offset={4} color="red">
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={unread > 0 ? t('notifications.unread', { count: unread }) : t('notifications.title')}
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" px="xs" mb="xs">
          <Text fw={600} size="sm">
            {t('notifications.title')}
          </Text>
          {unread > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate('all')}>
              {t('notifications.markAllRead')}
            </Button>
          )}
        </Group>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={4} role="list" aria-label={t('notifications.title')}>
            {(notices.data?.items ?? []).length === 0 && (
              <Text size="sm" c="dimmed" px="xs" py="sm">
                {t('notifications.nothingNew')}
              </Text>
            )}
            {(notices.data?.items ?? []).map((notice) => {
              const view = describe(notice, t, (iso) => format.dateTime(iso));
              return (
                <UnstyledButton
                  key={notice.id}
                  role="listitem"
                  onClick={() => open(notice)}
                  p="xs"
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    background: notice.readAt ? undefined : 'var(--mantine-color-blue-0)',
                  }}
                >
                  <Text size="sm" fw={notice.readAt ? 400 : 600}>
                    {view.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {view.body}
                  </Text>
                </UnstyledButton>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
