import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { difficultyLabels } from '../labels';
import type { DraftSection, Shortfall } from '../types';

/**
 * What auto-select could not fill, grouped by section, each line saying why: a bank that is
 * really short reads differently from questions this auto-select had already placed elsewhere.
 */
export function ShortfallList({
  shortfalls,
  sections,
}: {
  shortfalls: Shortfall[];
  sections: Pick<DraftSection, 'id' | 'name'>[];
}) {
  const { t } = useTranslation();
  const bySection = sections
    .map((section) => ({ section, items: shortfalls.filter((s) => s.sectionId === section.id) }))
    .filter((group) => group.items.length > 0);
  const isBankShort = shortfalls.some((s) => s.reason === 'bank' || s.reason === 'groups');
  const isUsedUp = shortfalls.some((s) => s.reason === 'autofill' || s.reason === 'paper');
  const describe = (shortfall: Shortfall) => {
    const scope = shortfall.difficulty
      ? `${shortfall.scope} · ${difficultyLabels[shortfall.difficulty]}`
      : shortfall.scope;
    const line = t(`builder.shortfall.${shortfall.reason}`, { ...shortfall, scope });
    if (shortfall.reason !== 'bank') return line;
    // A short bank may also have been drawn on already; say how much, so the numbers add up.
    const placed = shortfall.placedInSection + shortfall.placedInOtherSections;
    return [
      line,
      ...(placed > 0 ? [t('builder.shortfall.alsoPlaced', { ...shortfall })] : []),
      ...(shortfall.inPaper > 0 ? [t('builder.shortfall.alsoInPaper', { count: shortfall.inPaper })] : []),
    ].join(' ');
  };
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle size={18} />}
      title={t('builder.shortfall.title')}
      role="alert"
    >
      <Text size="sm" mb="xs">
        {t('builder.shortfall.intro')}
      </Text>
      <List size="sm" spacing={4} data-testid="shortfalls">
        {bySection.map(({ section, items }) => (
          <List.Item key={section.id}>
            <Text span fw={600} size="sm">
              {section.name}
            </Text>
            <List size="sm" withPadding listStyleType="disc">
              {items.map((shortfall, index) => (
                <List.Item key={index} data-reason={shortfall.reason}>
                  {describe(shortfall)}
                </List.Item>
              ))}
            </List>
          </List.Item>
        ))}
      </List>
      {isUsedUp && (
        <Text size="sm" mt="xs">
          {t('builder.shortfall.adviceUsed')}
        </Text>
      )}
      {(isBankShort || !isUsedUp) && (
        <Text size="sm" mt="xs">
          {t('builder.shortfall.adviceBank')}
        </Text>
      )}
    </Alert>
  );
}
