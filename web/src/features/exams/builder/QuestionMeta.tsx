import { Badge, Group, Text } from '@mantine/core';
import type { Difficulty, QuestionType } from '@examtech/core';
import { MathMarkdown } from '../../../components/MathMarkdown';
import { difficultyColors, difficultyLabels, questionTypeLabels } from '../labels';

/** A question's opening words as a candidate would read them (Markdown and math rendered). */
export function QuestionStem({ text }: { text: string }) {
  return (
    <Text
      component="div"
      size="sm"
      lineClamp={3}
      style={{ overflowWrap: 'anywhere' }}
      data-testid="question-stem"
    >
      <MathMarkdown inline>{text || '(no text)'}</MathMarkdown>
    </Text>
  );
}

interface QuestionFacts {
  type: QuestionType;
  difficulty: Difficulty;
  chapter: string;
  topic: string;
}

export function QuestionBadges({ question }: { question: QuestionFacts }) {
  return (
    <Group gap={6} wrap="wrap">
      <Badge size="xs" variant="light" color="blue" tt="none">
        {questionTypeLabels[question.type]}
      </Badge>
      <Badge size="xs" variant="light" color={difficultyColors[question.difficulty]} tt="none">
        {difficultyLabels[question.difficulty]}
      </Badge>
      <Text size="xs" c="dimmed">
        {question.chapter} › {question.topic}
      </Text>
    </Group>
  );
}
