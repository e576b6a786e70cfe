import { Button, Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function PracticeShortcutCard() {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md">
      <Group wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size={38} radius="md" aria-hidden>
          <IconPencil size={20} />
        </ThemeIcon>
        <div>
          <Text fw={600}>{t('practice.title')}</Text>
          <Text size="sm" c="dimmed" mb="sm">
            {t('practice.shortcutText')}
          </Text>
          <Button component={Link} to="/practice" size="xs">
            {t('practice.create')}
          </Button>
        </div>
      </Group>
    </Paper>
  );
}
