import { Badge, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { pickLanguageText, type Answer, type CandidateContent, type CandidateQuestion } from '@examtech/core';
import { MathMarkdown } from '../../components/MathMarkdown';
import { useTranslation } from 'react-i18next';
import { AnswerInput } from './answer-inputs/AnswerInput';
import type { Language } from './types';

export function contentIn(
  question: { content: Readonly<Record<string, CandidateContent>> },
  language: Language,
): CandidateContent | undefined {
  return pickLanguageText(question.content, language);
}

/** One question: stem (Markdown + KaTeX + images), A/R statements, then the response control. */
export function QuestionView({
  question,
  number,
  language,
  optionOrder,
  answer,
  rejection,
  onAnswer,
  isCompact = false,
}: {
  question: CandidateQuestion;
  number: number;
  language: Language;
  optionOrder: readonly string[] | undefined;
  answer: Answer | null;
  rejection: string | undefined;
  onAnswer: (answer: Answer | null) => void;
  /** A phone's: less padding, so the stem starts higher and lines are longer. */
  isCompact?: boolean;
}) {
  const { t } = useTranslation();
  const content = contentIn(question, language);
  if (!content) return null;
  return (
    <Paper
      withBorder
      radius="sm"
      p={isCompact ? 'sm' : 'md'}
      component="article"
      aria-label={t('examRoom.question.number', { number })}
    >
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{t('examRoom.question.number', { number })}</Text>
        <Badge variant="light" tt="none">
          {t(`examRoom.question.${question.type}`)}
        </Badge>
      </Group>
      <Divider mb="sm" />
      <Stack gap="sm" lang={language}>
        <MathMarkdown>{content.stem}</MathMarkdown>
        {question.type === 'assertion_reason' && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('examRoom.question.assertion', { lng: language })}
            </Text>
            <MathMarkdown>{content.assertion ?? ''}</MathMarkdown>
            <Text fw={600} size="sm">
              {t('examRoom.question.reason', { lng: language })}
            </Text>
            <MathMarkdown>{content.reason ?? ''}</MathMarkdown>
          </Stack>
        )}
        <AnswerInput
          question={question}
          content={content}
          language={language}
          optionOrder={optionOrder}
          answer={answer}
          onChange={onAnswer}
        />
        {rejection && (
          <Text c="red" size="sm" role="alert">
            {rejection}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
