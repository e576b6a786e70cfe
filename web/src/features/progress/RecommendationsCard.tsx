import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBulb, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryContent } from '../../components/QueryContent';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useCreatePracticeTest } from '../practice/api';
import { useRecommendations } from './api';
import { masteryColor, percent } from './labels';

/** Questions in the one-click practice test (fewer when fewer unseen ones exist). */
const PRACTICE_QUESTIONS = 10;

/** The topics to study next with their reasons, and one button that makes a practice test of them. */
export function RecommendationsCard() {
  const { t, i18n } = useTranslation();
  const recommendations = useRecommendations();
  const create = useCreatePracticeTest();
  const navigate = useNavigate();

  const practise = (topicIds: string[]) =>
    create.mutate(
      { scope: 'topic', topicIds, excludeSeen: true, questionCount: PRACTICE_QUESTIONS, difficulty: 'mixed' },
      {
        onSuccess: ({ practiceTest }) => {
          if (practiceTest.shortfall) notifySuccess(practiceTest.shortfall, t('progress.fewerQuestions'));
          void navigate(`/exam/${practiceTest.id}`);
        },
        onError: (error) => notifyError(error, t('progress.createFailed')),
      },
    );

  return (
    <Stack gap="sm" component="section" aria-labelledby="recommendations-title">
      <Title order={2} fz="h4" id="recommendations-title">
        {t('progress.next')}
      </Title>
      <QueryContent
        query={recommendations}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyPanel
            icon={<IconBulb size={28} />}
            title={t('progress.noRecommendations')}
            description={t('progress.noRecommendationsText')}
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
                    {percent(r.mastery, i18n.language)}
                  </Badge>
                </Group>
                <List size="sm" mt={6} spacing={2}>
                  {r.reasons.map((reason) => (
                    <List.Item key={reason}>{t(`progress.reasons.${reason}`)}</List.Item>
                  ))}
                </List>
              </Paper>
            ))}
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              loading={create.isPending}
              onClick={() => practise(items.map((r) => r.topic.id))}
            >
              {t('progress.practise')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('progress.practiseHint', { count: PRACTICE_QUESTIONS })}
            </Text>
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}
