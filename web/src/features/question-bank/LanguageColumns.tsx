import { Badge, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { languageLabels } from './labels';

interface LanguageColumnsProps {
  languages: readonly string[];
  children: (language: string) => ReactNode;
  /** Optional marker per language, e.g. how many problems its column has. */
  badge?: (language: string) => ReactNode;
  label: string;
}

/** Language versions side by side on wide screens and as tabs on phones. */
export function LanguageColumns({ languages, children, badge, label }: LanguageColumnsProps) {
  const isWide = useMediaQuery('(min-width: 48em)', true);
  const first = languages[0] ?? 'en';
  if (!isWide) {
    return (
      <Tabs defaultValue={first} keepMounted={false} aria-label={label}>
        <Tabs.List mb="md" grow>
          {languages.map((language) => (
            <Tabs.Tab key={language} value={language} rightSection={badge?.(language)}>
              {languageLabels[language] ?? language}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {languages.map((language) => (
          <Tabs.Panel key={language} value={language}>
            {children(language)}
          </Tabs.Panel>
        ))}
      </Tabs>
    );
  }
  return (
    <SimpleGrid cols={languages.length} spacing="xl" aria-label={label}>
      {languages.map((language) => (
        <Stack key={language} gap="sm" style={{ minWidth: 0 }}>
          <Text fw={700} size="sm" c="indigo.7">
            {languageLabels[language] ?? language} {badge?.(language)}
          </Text>
          {children(language)}
        </Stack>
      ))}
    </SimpleGrid>
  );
}

export function ProblemCountBadge({ count }: { count: number }) {
  return count > 0 ? (
    <Badge size="xs" color="red" variant="filled" circle>
      {count}
    </Badge>
  ) : null;
}
