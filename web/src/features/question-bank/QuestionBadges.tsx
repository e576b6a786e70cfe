import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { Difficulty, QuestionType } from '@examtech/core';
import { formatDateTime } from '../../lib/format';
import type { QuestionReservation } from '../../lib/types';
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

/**
 * The bank's rule, in the teacher's words: a question of a published exam stays out of practice
 * tests until that exam's results are released (a scheduled exam's once its window has closed for
 * everyone; a manual-release exam keeps it until released).
 */
export function describeReservation(reservation: QuestionReservation): string {
  const titles = reservation.exams.map((exam) => exam.title).join(', ');
  const until = reservation.until
    ? `until results are released (${formatDateTime(reservation.until)})`
    : 'until results are released';
  return `Reserved for ${titles} ${until}`;
}

export function ReservationBadge({ reservation }: { reservation: QuestionReservation }) {
  const text = describeReservation(reservation);
  return (
    <Tooltip
      label={`${text}. Practice tests leave it out so that its key does not reach students before the exam's results.`}
      multiline
      w={280}
    >
      {/* A line of its own under the stem: the sentence wraps within the column, unlike a Badge. */}
      <Text size="xs" fw={600} c="orange.8" mt={4} data-testid="reservation-badge">
        {text}
      </Text>
    </Tooltip>
  );
}
