import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalFormat } from '../../i18n/format';
import type { MyResult } from './api';

/** A submitted attempt's state in one line: awaiting release (and when), or its score, rank and percentile. */
export function ResultSummary({ result }: { result: MyResult }) {
  const { t } = useTranslation();
  const format = useLocalFormat();
  if (!result.released)
    return (
      <Group gap="xs" data-testid="awaiting-release">
        <Badge color="yellow" variant="light" tt="none">
          {t('history.awaiting')}
        </Badge>
        <Text size="sm" c="dimmed">
          {result.releasesAt
            ? t('history.releasesAt', { at: format.dateTime(result.releasesAt) })
            : t('history.releasedByInstitute')}
        </Text>
      </Group>
    );
  if (result.resultStatus === 'withheld' || result.resultStatus === 'disqualified')
    return (
      <Badge color="red" variant="light" tt="none">
        {t(`history.status.${result.resultStatus}`)}
      </Badge>
    );
  return (
    <Group gap="xs" data-testid="released-result">
      <Text size="sm" fw={700}>
        {t('history.score', { total: result.total ?? '—', max: result.maxTotal ?? '—' })}
      </Text>
      {result.rank !== null && result.rankedCount !== null && (
        <Badge color="blue" variant="light" tt="none">
          {t('history.rank', { rank: result.rank, count: result.rankedCount })}
        </Badge>
      )}
      {result.percentile !== null && (
        <Text size="sm" c="dimmed">
          {t('history.percentile', { percentile: result.percentile })}
        </Text>
      )}
    </Group>
  );
}
