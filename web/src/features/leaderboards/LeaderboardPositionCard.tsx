import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryContent } from '../../components/QueryContent';
import { useLeaderboard } from './api';

/** For the student's dashboard: their place on the institute's 30-day board, and a way to the page. */
export function LeaderboardPositionCard() {
  const { t } = useTranslation();
  const board = useLeaderboard({ kind: 'institute', period: '30d' }, 1);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="leaderboard-card-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="h5" id="leaderboard-card-title">
            {t('leaderboard.card.title')}
          </Title>
          <Anchor component={Link} to="/leaderboard" size="sm">
            {t('leaderboard.card.link')}
          </Anchor>
        </Group>
        <QueryContent
          query={board}
          isEmpty={(data) => data.me === null}
          empty={
            <Text size="sm" c="dimmed">
              {t('leaderboard.card.empty')}
            </Text>
          }
        >
          {(data) =>
            data.me && (
              <Stack gap={2} data-testid="leaderboard-card-position">
                <Group gap="xs" align="baseline">
                  <Text fz={28} fw={700} lh={1}>
                    {t('leaderboard.card.position', { position: data.me.position })}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('leaderboard.card.of', { count: data.count })}
                  </Text>
                </Group>
                <Text size="sm">
                  {t('leaderboard.card.percentile', {
                    count: data.me.exams,
                    value: Number(data.me.percentile).toFixed(2),
                  })}
                </Text>
              </Stack>
            )
          }
        </QueryContent>
      </Stack>
    </Paper>
  );
}
