import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryContent } from '../../components/QueryContent';
import { useWeakAreas, type WeakAreas } from '../progress/api';
import { masteryColor, percent } from '../progress/labels';

type WeakTopic = { id: string; name: string; subject: string; mastery: number };

/** The `count` topics with the lowest mastery (those with any evidence), weakest first. */
function weakestTopics(data: WeakAreas, count = 3): WeakTopic[] {
  const topics = data.subjects.flatMap((s) =>
    s.chapters.flatMap((c) =>
      c.topics.flatMap((t) =>
        t.mastery === null ? [] : [{ id: t.id, name: t.name, subject: s.name, mastery: t.mastery }],
      ),
    ),
  );
  return topics.sort((a, b) => a.mastery - b.mastery).slice(0, count);
}

/** The three weakest topics with their mastery, and the way to the whole progress page. */
export function WeakAreasSummaryCard() {
  const { t } = useTranslation();
  const weakAreas = useWeakAreas();
  return (
    <Stack gap="sm" component="section" aria-labelledby="weak-summary-title">
      <Group justify="space-between">
        <Title order={2} fz="h4" id="weak-summary-title">
          {t('history.weakTitle')}
        </Title>
        <Button size="xs" variant="subtle" component={Link} to="/progress">
          {t('history.allProgress')}
        </Button>
      </Group>
      <QueryContent
        query={weakAreas}
        isEmpty={(data) => weakestTopics(data).length === 0}
        empty={
          <EmptyPanel
            icon={<IconTarget size={28} />}
            title={t('history.weakEmpty')}
            description={t('history.weakEmptyText')}
          />
        }
      >
        {(data) => (
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm" data-testid="weak-topics">
              {weakestTopics(data).map((topic) => (
                <div key={topic.id}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {topic.name}
                    </Text>
                    <Text size="sm" fw={600}>
                      {percent(topic.mastery)}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {topic.subject}
                  </Text>
                  <Progress
                    mt={4}
                    value={topic.mastery * 100}
                    color={masteryColor(topic.mastery)}
                    aria-label={t('history.masteryOf', { topic: topic.name, value: percent(topic.mastery) })}
                  />
                </div>
              ))}
            </Stack>
          </Paper>
        )}
      </QueryContent>
    </Stack>
  );
}
