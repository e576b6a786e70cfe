import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PairedBars } from './Bars';
import { formatDuration } from './format';
import type { AttemptAnalysis } from './types';

const OUTCOME_LABELS = {
  correct: 'Correct',
  partial: 'Partially correct',
  incorrect: 'Incorrect',
  unattempted: 'Unattempted',
} as const;

function NumberList({ title, numbers, hint }: { title: string; numbers: number[]; hint: string }) {
  return (
    <div>
      <Text size="sm" fw={700}>
        {title}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      <Text size="sm">{numbers.length ? numbers.map((n) => `Q${n}`).join(', ') : 'None'}</Text>
    </div>
  );
}

/** Where the time went: per state, the flagged questions, each question against the class, and the route taken. */
export function TimeInsights({ analysis }: { analysis: AttemptAnalysis }) {
  const { time } = analysis;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="h5" mb="sm">
            Time analysis
          </Title>
          <Stack gap={4} mb="sm">
            {Object.entries(OUTCOME_LABELS).map(([key, label]) => (
              <Group key={key} justify="space-between">
                <Text size="sm">{label}</Text>
                <Text size="sm">{formatDuration(time.byOutcome[key as keyof typeof OUTCOME_LABELS])}</Text>
              </Group>
            ))}
          </Stack>
          <Stack gap="xs" data-testid="time-flags">
            {analysis.answerKeyShown && (
              <>
                <NumberList
                  title="Slow correct answers"
                  numbers={time.slowCorrect}
                  hint="Right, but more than 1.5 × the class's average time."
                />
                <NumberList
                  title="Quick wrong answers (careless?)"
                  numbers={time.careless}
                  hint="Wrong, in less than half the class's average time."
                />
              </>
            )}
            <NumberList
              title={`Left unanswered after ${formatDuration(time.unansweredTimeMs)}`}
              numbers={time.unansweredWithTime}
              hint="Time spent on questions you did not answer."
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="h5" mb="sm">
            The order you went through the paper
          </Title>
          <Group
            gap={4}
            data-testid="navigation-trail"
            aria-label="Questions in the order you first opened them"
          >
            {analysis.navigation.map((n, i) => (
              <Badge key={n} variant="light" tt="none" aria-label={`Step ${i + 1}: question ${n}`}>
                Q{n}
              </Badge>
            ))}
          </Group>
          {analysis.navigation.length === 0 && <Text size="sm">You did not open any question.</Text>}
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="h5" mb={4}>
          Time per question against the class
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          Blue: you. Grey: the class's average among those who spent time on it.
        </Text>
        <PairedBars
          label="Time per question"
          rows={analysis.questions.map((q) => ({
            label: `Q${q.number}`,
            mine: q.timeSpentMs,
            theirs: q.classAverageMs,
            caption: `${formatDuration(q.timeSpentMs)} · class ${q.classAverageMs === null ? '—' : formatDuration(q.classAverageMs)}`,
          }))}
        />
      </Paper>
    </Stack>
  );
}
