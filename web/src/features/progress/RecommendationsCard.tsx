import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBulb, IconPlayerPlay } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryContent } from '../../components/QueryContent';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useCreatePracticeTest } from '../practice/api';
import { useRecommendations } from './api';
import { masteryColor, percent, reasonText } from './labels';

/** Questions in the one-click practice test (fewer when fewer unseen ones exist). */
const PRACTICE_QUESTIONS = 10;

/** The topics to study next with their reasons, and one button that makes a practice test of them. */
export function RecommendationsCard() {
  const recommendations = useRecommendations();
  const create = useCreatePracticeTest();
  const navigate = useNavigate();

  const practise = (topicIds: string[]) =>
    create.mutate(
      { scope: 'topic', topicIds, excludeSeen: true, questionCount: PRACTICE_QUESTIONS, difficulty: 'mixed' },
      {
        onSuccess: ({ practiceTest }) => {
          if (practiceTest.shortfall) notifySuccess(practiceTest.shortfall, 'Fewer new questions than asked');
          void navigate(`/exam/${practiceTest.id}`);
        },
        onError: (error) => notifyError(error, 'Could not create the practice test'),
      },
    );

  return (
    <Stack gap="sm" component="section" aria-labelledby="recommendations-title">
      <Title order={2} fz="h4" id="recommendations-title">
        What to study next
      </Title>
      <QueryContent
        query={recommendations}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyPanel
            icon={<IconBulb size={28} />}
            title="No recommendations yet"
            description="Submit a few practice tests or mocks and your weak topics appear here."
          />
        }
      >
        {(items) => (
          <Stack gap="xs" data-testid="recommendations">
            {items.map((r) => (
              <Paper key={r.topic.id} withBorder radius="md" p="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {r.topic.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.subject.name} · {r.chapter.name}
                    </Text>
                  </div>
                  <Badge color={masteryColor(r.mastery)} variant="light">
                    {percent(r.mastery)}
                  </Badge>
                </Group>
                <List size="sm" mt={6} spacing={2}>
                  {r.reasons.map((reason) => (
                    <List.Item key={reason}>{reasonText[reason]}</List.Item>
                  ))}
                </List>
              </Paper>
            ))}
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              loading={create.isPending}
              onClick={() => practise(items.map((r) => r.topic.id))}
            >
              Practice these topics
            </Button>
            <Text size="xs" c="dimmed">
              Up to {PRACTICE_QUESTIONS} questions you have not seen before, from these topics.
            </Text>
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}
