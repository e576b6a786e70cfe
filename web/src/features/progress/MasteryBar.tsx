import { Group, Progress, Text } from '@mantine/core';
import { masteryColor, percent } from './labels';

/** A node's mastery as a bar with its percentage and how many answers it rests on. */
export function MasteryBar({
  label,
  mastery,
  evidenceCount,
}: {
  label: string;
  mastery: number | null;
  evidenceCount: number;
}) {
  return (
    <Group gap="xs" wrap="nowrap" w="100%">
      <Progress
        value={(mastery ?? 0) * 100}
        color={masteryColor(mastery)}
        size="lg"
        radius="xl"
        style={{ flex: 1, minWidth: 60 }}
        aria-label={`${label}: mastery ${percent(mastery)}`}
      />
      <Text size="sm" fw={600} w={48} ta="right" style={{ whiteSpace: 'nowrap' }}>
        {percent(mastery)}
      </Text>
      <Text size="xs" c="dimmed" w={68} ta="right" style={{ whiteSpace: 'nowrap' }}>
        {evidenceCount} {evidenceCount === 1 ? 'answer' : 'answers'}
      </Text>
    </Group>
  );
}
