import {
  ASSERTION_REASON_OPTION_IDS,
  ASSERTION_REASON_OPTION_TEXT,
  pickLanguageText,
  type LocalizedChoice,
  type Question,
} from '@examtech/core';
import {
  Alert,
  Badge,
  Box,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { MathMarkdown } from '../../components/MathMarkdown';
import { useMatchListTitles } from '../exam-room/answer-inputs/match-list-titles';
import { describeKey, listCorrectOptionIds } from './answer-text';
import { choiceLabel } from './ChoiceListEditor';
import { languageLabels } from './labels';

interface QuestionPreviewProps {
  question: Question;
  language: string;
  /** Teachers' views show the key and the solution; the live preview shows what a candidate sees. */
  showAnswer?: boolean;
}

const statementLabels: Record<string, [string, string]> = {
  en: ['Statement I (Assertion)', 'Statement II (Reason)'],
  hi: ['कथन I (अभिकथन)', 'कथन II (कारण)'],
};

function ChoiceRows({
  choices,
  correct,
  fixed = [],
  list,
}: {
  choices: LocalizedChoice[];
  correct: readonly string[];
  /** Options that never move when shuffled; marked for teachers only. */
  fixed?: readonly string[];
  list: 'options' | 'rows' | 'columns';
}) {
  return (
    <Stack gap={6}>
      {choices.map((choice, index) => {
        const isCorrect = correct.includes(choice.id);
        return (
          <Paper
            key={choice.id}
            withBorder
            px="sm"
            py={6}
            radius="sm"
            bg={isCorrect ? 'teal.0' : undefined}
            bd={isCorrect ? '1px solid var(--mantine-color-teal-4)' : undefined}
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Text size="sm" fw={600} miw={28}>
                {list === 'options' ? `(${choiceLabel(list, index)})` : choiceLabel(list, index)}
              </Text>
              <Box style={{ flex: 1, minWidth: 0 }}>
                <MathMarkdown inline>{choice.text}</MathMarkdown>
              </Box>
              {fixed.includes(choice.id) && (
                <Badge size="xs" variant="outline" color="gray" tt="none">
                  fixed position
                </Badge>
              )}
              {isCorrect && (
                <ThemeIcon size="sm" color="teal" radius="xl" aria-label="Correct">
                  <IconCheck size={12} />
                </ThemeIcon>
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** A question in one language as the candidate will see it (plus, for teachers, the key and solution). */
export function QuestionPreview({ question, language, showAnswer = false }: QuestionPreviewProps) {
  const listTitles = useMatchListTitles(language);
  const content = question.content[language];
  if (!content) {
    return (
      <Alert color="gray" variant="light">
        No {languageLabels[language] ?? language} version.
      </Alert>
    );
  }
  const correct = showAnswer ? listCorrectOptionIds(question) : [];
  const [assertionLabel, reasonLabel] = statementLabels[language] ?? [
    'Statement I (Assertion)',
    'Statement II (Reason)',
  ];
  const arTexts = pickLanguageText(ASSERTION_REASON_OPTION_TEXT, language);

  return (
    <Stack gap="sm" lang={language} data-testid={`preview-${language}`}>
      <MathMarkdown>{content.stem}</MathMarkdown>
      {(question.type === 'mcq_single' || question.type === 'mcq_multi') && (
        <ChoiceRows
          choices={[...(content.options ?? [])]}
          correct={correct}
          fixed={
            showAnswer ? question.options.filter((option) => option.fixed).map((option) => option.id) : []
          }
          list="options"
        />
      )}
      {question.type === 'matrix_match' && (
        <SimpleGrid cols={2} spacing="sm">
          <Stack gap={4}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {listTitles.rows}
            </Text>
            <ChoiceRows choices={[...(content.rows ?? [])]} correct={[]} list="rows" />
          </Stack>
          <Stack gap={4}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {listTitles.columns}
            </Text>
            <ChoiceRows choices={[...(content.columns ?? [])]} correct={[]} list="columns" />
          </Stack>
        </SimpleGrid>
      )}
      {question.type === 'assertion_reason' && (
        <>
          <Text size="sm" fw={600}>
            {assertionLabel}
          </Text>
          <MathMarkdown>{content.assertion ?? ''}</MathMarkdown>
          <Text size="sm" fw={600}>
            {reasonLabel}
          </Text>
          <MathMarkdown>{content.reason ?? ''}</MathMarkdown>
          <ChoiceRows
            choices={ASSERTION_REASON_OPTION_IDS.map((id) => ({ id, text: arTexts?.[id] ?? id }))}
            correct={correct}
            list="options"
          />
        </>
      )}
      {question.type === 'numerical' && (
        <TextInput
          readOnly
          aria-label="Answer box"
          placeholder={question.format.integerOnly ? 'Enter an integer' : 'Enter a number'}
          maw={240}
        />
      )}
      {question.type === 'tita' && (
        <TextInput readOnly aria-label="Answer box" placeholder="Type your answer" maw={320} />
      )}
      {showAnswer && (
        <>
          <Divider />
          <Text size="sm">
            <b>Answer:</b> {describeKey(question)}
          </Text>
          {content.solution && (
            <Box>
              <Text size="sm" fw={600} mb={4}>
                Solution
              </Text>
              <MathMarkdown>{content.solution}</MathMarkdown>
            </Box>
          )}
        </>
      )}
    </Stack>
  );
}
