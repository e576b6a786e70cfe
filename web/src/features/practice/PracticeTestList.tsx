import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconClock, IconListNumbers, IconPencil } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryContent } from '../../components/QueryContent';
import { useLocalFormat } from '../../i18n/format';
import { usePracticeTests } from './api';

export function PracticeTestList() {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const tests = usePracticeTests();
  return (
    <Stack gap="sm" component="section" aria-labelledby="my-practice-title">
      <Title order={2} fz="h4" id="my-practice-title">
        {t('practice.myTests')}
      </Title>
      <QueryContent
        query={tests}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyPanel
            icon={<IconPencil size={28} />}
            title={t('practice.emptyTitle')}
            description={t('practice.emptyText')}
          />
        }
      >
        {(items) => (
          <Stack gap="xs" data-testid="practice-tests">
            {items.map((test) => (
              <Paper key={test.id} withBorder radius="md" p="md">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {test.title}
                  </Text>
                  <Button
                    size="xs"
                    component={Link}
                    to={`/exam/${test.id}`}
                    aria-label={t('practice.startTest', { title: test.title })}
                  >
                    {t('practice.start')}
                  </Button>
                </Group>
                <Group gap="md" mt={4} c="dimmed">
                  <Group gap={4}>
                    <IconListNumbers size={14} />
                    <Text size="sm">{t('practice.questionCount', { count: test.questionCount })}</Text>
                  </Group>
                  <Group gap={4}>
                    <IconClock size={14} />
                    <Text size="sm">{format.minutes(test.durationMinutes)}</Text>
                  </Group>
                  <Text size="sm">{t('practice.created', { date: format.date(test.createdAt) })}</Text>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}
