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
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLiveNotifications, useMarkRead, useNotifications, type Notice } from './api';

function describe(notice: Notice): { title: string; body: string; to: string | null } {
  if (notice.kind === 'results.released' && notice.payload.examId)
    return {
      title: 'Results released',
      body: `${notice.payload.title ?? 'Your exam'}: your result is ready.`,
      to: `/exam/${notice.payload.examId}`,
    };
  return { title: 'Notice', body: notice.payload.title ?? '', to: null };
}

/** The header's bell: unread count, the latest notices, mark read; updated live over the socket. */
export function NotificationBell() {
  useLiveNotifications();
  const notices = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const unread = notices.data?.unread ?? 0;

  const open = (notice: Notice) => {
    const { to } = describe(notice);
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
            aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" px="xs" mb="xs">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          {unread > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate('all')}>
              Mark all read
            </Button>
          )}
        </Group>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={4} role="list" aria-label="Notifications">
            {(notices.data?.items ?? []).length === 0 && (
              <Text size="sm" c="dimmed" px="xs" py="sm">
                Nothing new.
              </Text>
            )}
            {(notices.data?.items ?? []).map((notice) => {
              const view = describe(notice);
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
