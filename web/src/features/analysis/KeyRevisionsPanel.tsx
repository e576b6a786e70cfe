import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  useKeyRevisions,
  useMyResultChanges,
  type KeyRevision,
  type MyResultChange,
} from '../results/revisions-api';

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

/**
 * What changed in the exam's answer key after it (released results only; keys per the exam's
 * setting) and, on the student's own result, what each revision did to their marks and rank.
 */
export function KeyRevisionsPanel({ examId, isOwnResult }: { examId: string; isOwnResult: boolean }) {
  const { t } = useTranslation();
  const revisions = useKeyRevisions(examId);
  const list = revisions.data ?? [];
  const mine = useMyResultChanges(examId, isOwnResult && list.length > 0);
  const changeOf = new Map((mine.data ?? []).map((c) => [c.revisionId, c]));
  if (list.length === 0) return null;
  const effect = (change: MyResultChange | undefined) => {
    if (!change) return t('keyRevisions.noChange');
    const marks = { before: change.totalBefore ?? '–', after: change.totalAfter };
    return change.rankBefore !== null && change.rankAfter !== null
      ? t('keyRevisions.yourMarksAndRank', {
          ...marks,
          rankBefore: change.rankBefore,
          rankAfter: change.rankAfter,
        })
      : t('keyRevisions.yourMarks', marks);
  };
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
              {isOwnResult && mine.data && (
                <Text
                  size="sm"
                  fw={changeOf.has(r.id) ? 600 : 400}
                  c={changeOf.has(r.id) ? undefined : 'dimmed'}
                  data-testid="revision-effect"
                >
                  {effect(changeOf.get(r.id))}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
