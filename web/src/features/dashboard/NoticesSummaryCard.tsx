import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalFormat } from '../../i18n/format';
import { useMarkRead, useNotifications } from '../notifications/api';
import { resultPath, useMyResults } from './api';

/** Unread notifications on the dashboard: "Results released for X" opens that result. Hidden when none. */
export function NoticesSummaryCard() {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const notices = useNotifications();
  const results = useMyResults();
  const markRead = useMarkRead();
  const unread = (notices.data?.items ?? []).filter((n) => n.readAt === null);
  if (unread.length === 0) return null;
  const attemptOf = new Map((results.data ?? []).map((r) => [r.examId, r.attemptId]));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="notices-summary-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4" id="notices-summary-title">
          {t('history.notices.title')}
        </Title>
        <Badge color="red" variant="filled">
          {unread.length}
        </Badge>
      </Group>
      <Stack gap={6} data-testid="unread-notices">
        {unread.slice(0, 5).map((notice) => {
          const examId = notice.payload.examId;
          const attemptId = examId ? attemptOf.get(examId) : undefined;
          const text =
            notice.kind === 'results.released'
              ? t('history.notices.resultsReleased', { title: notice.payload.title ?? '' })
              : (notice.payload.title ?? notice.kind);
          return (
            <Group key={notice.id} justify="space-between" wrap="nowrap" gap="xs">
              {attemptId ? (
                <Anchor
                  component={Link}
                  to={resultPath(attemptId)}
                  size="sm"
                  onClick={() => markRead.mutate(notice.id)}
                >
                  {text}
                </Anchor>
              ) : (
                <Text size="sm">{text}</Text>
              )}
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {format.date(notice.createdAt)}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
