import {
  Badge,
  Group,
  Paper,
  Radio,
  Checkbox,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import {
  pickLanguageText,
  type CandidateContent,
  type CandidateQuestion,
  type LocalizedChoice,
} from '@examtech/core';
import { MathMarkdown } from '../../../components/MathMarkdown';
import { useMatchListTitles } from '../../exam-room/answer-inputs/match-list-titles';
import { questionTypeLabels } from '../labels';

function choiceText(choices: readonly LocalizedChoice[] | undefined, id: string): string {
  return choices?.find((choice) => choice.id === id)?.text ?? '';
}

/** One question exactly as the candidate gets it: stem, then options in this candidate's order. */
export function CandidateQuestionView({
  question,
  number,
  language,
}: {
  question: CandidateQuestion;
  number: number;
  language: string;
}) {
  const content: CandidateContent | undefined = pickLanguageText(question.content, language);
  if (!content) return null;
  // The text may come from another language when this one is missing: label it in that one.
  const shownLanguage = Object.keys(question.content).find((code) => question.content[code] === content);
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`Question ${number}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>Question {number}</Text>
        <Badge size="sm" variant="light" tt="none">
          {questionTypeLabels[question.type]}
        </Badge>
      </Group>
      <MathMarkdown>{content.stem}</MathMarkdown>
      <QuestionResponse question={question} content={content} language={shownLanguage ?? language} />
    </Paper>
  );
}

function QuestionResponse({
  question,
  content,
  language,
}: {
  question: CandidateQuestion;
  content: CandidateContent;
  language: string;
}) {
  const listTitles = useMatchListTitles(language);
  switch (question.type) {
    case 'mcq_single':
    case 'assertion_reason':
    case 'mcq_multi': {
      const Choice = question.type === 'mcq_multi' ? Checkbox : Radio;
      return (
        <Stack gap="xs" mt="sm">
          {question.type === 'assertion_reason' && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Assertion (A):
              </Text>
              <MathMarkdown>{content.assertion ?? ''}</MathMarkdown>
              <Text size="sm" fw={600}>
                Reason (R):
              </Text>
              <MathMarkdown>{content.reason ?? ''}</MathMarkdown>
            </Stack>
          )}
          {question.options.map((option, index) => (
            <Group key={option.id} gap="sm" wrap="nowrap" align="flex-start">
              <Choice readOnly checked={false} aria-label={`Option ${index + 1}`} mt={2} />
              <Text size="sm" fw={600} w={20}>
                {String.fromCharCode(65 + index)}.
              </Text>
              <div style={{ minWidth: 0, flex: 1 }}>
                <MathMarkdown inline>{choiceText(content.options, option.id)}</MathMarkdown>
              </div>
            </Group>
          ))}
        </Stack>
      );
    }
    case 'numerical':
      return (
        <TextInput
          mt="sm"
          maw={240}
          readOnly
          label={
            question.format.integerOnly
              ? 'Integer answer'
              : `Numerical answer${question.format.decimals !== undefined ? ` (${question.format.decimals} decimal places)` : ''}`
          }
          placeholder="Candidate types here"
        />
      );
    case 'tita':
      return (
        <TextInput mt="sm" maw={320} readOnly label="Type your answer" placeholder="Candidate types here" />
      );
    case 'matrix_match':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
          <MatchList
            title={listTitles.rows}
            ids={question.rows.map((row) => row.id)}
            choices={content.rows}
          />
          <MatchList
            title={listTitles.columns}
            ids={question.columns.map((column) => column.id)}
            choices={content.columns}
          />
        </SimpleGrid>
      );
  }
}

function MatchList({
  title,
  ids,
  choices,
}: {
  title: string;
  ids: string[];
  choices: readonly LocalizedChoice[] | undefined;
}) {
  return (
    <Table withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th colSpan={2}>{title}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ids.map((id) => (
          <Table.Tr key={id}>
            <Table.Td w={40} fw={600}>
              {id.toUpperCase()}
            </Table.Td>
            <Table.Td>
              <MathMarkdown inline>{choiceText(choices, id)}</MathMarkdown>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
