import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
  const { t, i18n } = useTranslation();
  const shown = percent(mastery, i18n.language);
  return (
    <Group gap="xs" wrap="nowrap" w="100%">
      <Progress
        value={(mastery ?? 0) * 100}
        color={masteryColor(mastery)}
        size="lg"
        radius="xl"
        style={{ flex: 1, minWidth: 60 }}
        aria-label={t('progress.masteryLabel', { name: label, mastery: shown })}
      />
      <Text size="sm" fw={600} w={48} ta="right" style={{ whiteSpace: 'nowrap' }}>
        {shown}
      </Text>
      <Text size="xs" c="dimmed" miw={68} ta="right" style={{ whiteSpace: 'nowrap' }}>
        {t('progress.answers', { count: evidenceCount })}
      </Text>
    </Group>
  );
}
