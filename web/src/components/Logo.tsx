import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';

export function Logo({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const large = size === 'lg';
  return (
    <Group gap={large ? 'sm' : 8} wrap="nowrap" aria-label="ExamTech">
      <ThemeIcon
        size={large ? 44 : 32}
        radius="md"
        variant="gradient"
        gradient={{ from: 'indigo.6', to: 'cyan.5', deg: 135 }}
        aria-hidden
      >
        <IconChecks size={large ? 26 : 20} stroke={2.4} />
      </ThemeIcon>
      <Text fw={800} fz={large ? 28 : 20} lts={-0.5} c="dark.7" aria-hidden>
        Exam
        <Text span inherit c="indigo.6">
          Tech
        </Text>
      </Text>
    </Group>
  );
}
