import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { IconClock, IconListNumbers, IconPencil } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryContent } from '../../components/QueryContent';
import { formatDate } from '../../lib/format';
import { usePracticeTests } from './api';

export function PracticeTestList() {
  const tests = usePracticeTests();
  return (
    <Stack gap="sm" component="section" aria-labelledby="my-practice-title">
      <Title order={2} fz="h4" id="my-practice-title">
        My practice tests
      </Title>
      <QueryContent
        query={tests}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyPanel
            icon={<IconPencil size={28} />}
            title="No practice tests yet"
            description="Create one from the chapters you are studying this week."
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
                    aria-label={`Start ${test.title}`}
                  >
                    Start
                  </Button>
                </Group>
                <Group gap="md" mt={4} c="dimmed">
                  <Group gap={4}>
                    <IconListNumbers size={14} />
                    <Text size="sm">{test.questionCount} questions</Text>
                  </Group>
                  <Group gap={4}>
                    <IconClock size={14} />
                    <Text size="sm">{test.durationMinutes} min</Text>
                  </Group>
                  <Text size="sm">Created {formatDate(test.createdAt)}</Text>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}
