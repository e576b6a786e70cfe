import { Badge, Group } from '@mantine/core';
import type { Difficulty, QuestionType } from '@examtech/core';
import { difficultyColors, difficultyLabels, languageShortLabels, typeShortLabels } from './labels';

export function TypeBadge({ type }: { type: QuestionType }) {
  return (
    <Badge variant="light" color="indigo" tt="none" radius="sm">
      {typeShortLabels[type]}
    </Badge>
  );
}

export function DifficultyBadge({ difficulty }: { difficulty: Difficulty }) {
  return (
    <Badge variant="dot" color={difficultyColors[difficulty]} tt="none">
      {difficultyLabels[difficulty]}
    </Badge>
  );
}

export function LanguageBadges({ languages }: { languages: string[] }) {
  return (
    <Group gap={4} wrap="nowrap">
      {languages.map((language) => (
        <Badge key={language} variant="outline" color="gray" radius="sm" size="sm">
          {languageShortLabels[language] ?? language.toUpperCase()}
        </Badge>
      ))}
    </Group>
  );
}
