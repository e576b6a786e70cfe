import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useKeyRevisions, type KeyRevision } from '../results/revisions-api';

function keyText(revision: KeyRevision): string {
  return (revision.keys ?? [])
    .map((k) =>
      typeof k.optionId === 'string'
        ? k.optionId.toUpperCase()
        : Array.isArray(k.optionIds)
          ? k.optionIds.join('+').toUpperCase()
          : typeof k.value === 'string'
            ? k.value
            : '',
    )
    .filter(Boolean)
    .join(', ');
}

/** What changed in the exam's answer key after it (released results only; keys per the exam's setting). */
export function KeyRevisionsPanel({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const revisions = useKeyRevisions(examId);
  const list = revisions.data ?? [];
  if (list.length === 0) return null;
  const describe = (r: KeyRevision) => {
    const keys = keyText(r);
    switch (r.kind) {
      case 'drop':
        return t(r.award === 'everyone' ? 'keyRevisions.dropEveryone' : 'keyRevisions.dropAttempted');
      case 'change_key':
        return keys ? t('keyRevisions.changeKey', { keys }) : t('keyRevisions.changeKeyHidden');
      case 'accept_keys':
        return keys ? t('keyRevisions.acceptKeys', { keys }) : t('keyRevisions.acceptKeysHidden');
    }
  };
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="analysis-key-revisions">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="analysis-key-revisions">
          {t('keyRevisions.title')}
        </Title>
        <Text size="sm">{t('keyRevisions.intro')}</Text>
        <List spacing="xs">
          {list.map((r) => (
            <List.Item key={r.id}>
              <Text size="sm" fw={600} span>
                {t('keyRevisions.question', { number: r.questionNumber ?? '?' })}:{' '}
              </Text>
              <Text size="sm" span>
                {describe(r)}. {t('keyRevisions.reason', { reason: r.reason })}
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
