import { Group, Progress, Stack, Text } from '@mantine/core';

export type Bar = { label: string; value: number; max: number; caption: string; colour?: string };

/** Horizontal bars: a chart that reads on any width (each bar is a share of its own maximum). */
export function Bars({ bars, label }: { bars: Bar[]; label: string }) {
  return (
    <Stack gap={6} role="list" aria-label={label}>
      {bars.map((bar) => (
        <div key={bar.label} role="listitem">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">{bar.label}</Text>
            <Text size="xs" c="dimmed">
              {bar.caption}
            </Text>
          </Group>
          <Progress
            value={bar.max > 0 ? Math.max(0, Math.min(100, (100 * bar.value) / bar.max)) : 0}
            color={bar.colour ?? 'blue'}
            size="md"
            aria-label={`${bar.label}: ${bar.caption}`}
          />
        </div>
      ))}
    </Stack>
  );
}

/** Two bars per row: yours against the class's, on one scale. */
export function PairedBars({
  rows,
  label,
}: {
  rows: { label: string; mine: number; theirs: number | null; caption: string }[];
  label: string;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => [r.mine, r.theirs ?? 0]));
  return (
    <Stack gap={8} role="list" aria-label={label}>
      {rows.map((row) => (
        <div key={row.label} role="listitem">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">{row.label}</Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {row.caption}
            </Text>
          </Group>
          <Progress value={(100 * row.mine) / max} color="blue" size="sm" aria-label={`${row.label}: you`} />
          <Progress
            value={(100 * (row.theirs ?? 0)) / max}
            color="gray"
            size="sm"
            mt={2}
            aria-label={`${row.label}: class average`}
          />
        </div>
      ))}
    </Stack>
  );
}
