import { Button, Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router';

export function PracticeShortcutCard() {
  return (
    <Paper withBorder radius="md" p="md">
      <Group wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size={38} radius="md" aria-hidden>
          <IconPencil size={20} />
        </ThemeIcon>
        <div>
          <Text fw={600}>Practice</Text>
          <Text size="sm" c="dimmed" mb="sm">
            Build a test from the chapters or subjects you are studying.
          </Text>
          <Button component={Link} to="/practice" size="xs">
            Create practice test
          </Button>
        </div>
      </Group>
    </Paper>
  );
}
