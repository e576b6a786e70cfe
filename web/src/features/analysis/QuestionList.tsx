import { Badge, Button, Collapse, Group, List, Paper, Stack, Text } from '@mantine/core';
import { pickLanguageText, type Question } from '@examtech/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MathMarkdown } from '../../components/MathMarkdown';
import { formatAnswer, formatKey } from '../exam-room/answer-format';
import { difficultyColour, outcomeColour, useAnalysisFormat } from './format';
import type { AnalysisQuestion } from './types';

const hasKey = (question: AnalysisQuestion['question']): question is Question => 'key' in question;

/**
 * The question as the candidate saw it, in the chosen content language (its labels too); its
 * solution only when the question carries its key (a candidate view has neither).
 */
export function QuestionBody({
  question,
  language,
}: {
  question: AnalysisQuestion['question'];
  language: string;
}) {
  const { t } = useTranslation();
  const content = pickLanguageText(question.content, language);
  // A solution written in one language only is still shown under the other, labelled in its own.
  const solutions: Record<string, string | null> = {};
  if (hasKey(question))
    for (const [code, text] of Object.entries(question.content)) solutions[code] = text?.solution ?? null;
  const solution = pickLanguageText(solutions, language);
  const solutionLanguage = Object.keys(solutions).find((code) => solutions[code] === solution) ?? language;
  return (
    <Stack gap="xs" mt="xs">
      <MathMarkdown>{content?.stem ?? ''}</MathMarkdown>
      {content?.options && (
        <List type="ordered" size="sm">
          {content.options.map((option) => (
            <List.Item key={option.id}>
              <MathMarkdown inline>{option.text}</MathMarkdown>
            </List.Item>
          ))}
        </List>
      )}
      {content?.rows && content.columns && (
        <Group align="flex-start" grow>
          {[
            { title: t('examRoom.question.listOne', { lng: language }), items: content.rows },
            { title: t('examRoom.question.listTwo', { lng: language }), items: content.columns },
          ].map((list) => (
            <div key={list.title}>
              <Text size="sm" fw={700}>
                {list.title}
              </Text>
              {list.items.map((choice) => (
                <Group key={choice.id} gap={6} wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {choice.id.toUpperCase()}.
                  </Text>
                  <MathMarkdown inline>{choice.text}</MathMarkdown>
                </Group>
              ))}
            </div>
          ))}
        </Group>
      )}
      {content?.assertion && (
        <MathMarkdown>{`**${t('examRoom.question.assertion', { lng: language })}** ${content.assertion}`}</MathMarkdown>
      )}
      {content?.reason && (
        <MathMarkdown>{`**${t('examRoom.question.reason', { lng: language })}** ${content.reason}`}</MathMarkdown>
      )}
      {solution && (
        <div>
          <Text size="sm" fw={700}>
            {t('analysis.solution', { lng: solutionLanguage })}
          </Text>
          <MathMarkdown>{solution}</MathMarkdown>
        </div>
      )}
    </Stack>
  );
}

function QuestionCard({ item, language }: { item: AnalysisQuestion; language: string }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const [isOpen, setOpen] = useState(false);
  // Answers and keys in the page's question language, as the question above them.
  const answerLanguage = language === 'hi' ? 'hi' : 'en';
  const keyed = hasKey(item.question) ? item.question : null;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-label={t('analysis.questionResult', { number: item.number })}
    >
      <Group justify="space-between" gap="xs">
        <Text fw={700}>
          {t('analysis.question', { number: item.number })}{' '}
          <Text span size="sm" c="dimmed" fw={400}>
            {item.sectionName}
          </Text>
        </Text>
        <Group gap={4}>
          {item.outcome && (
            <Badge color={outcomeColour[item.outcome] ?? 'gray'} tt="none">
              {t(`analysis.outcomes.${item.outcome}`)} · {item.marks !== null && item.marks > 0 ? '+' : ''}
              {f.number(item.marks)}
            </Badge>
          )}
          <Badge color={difficultyColour[item.difficulty]} variant="light" tt="none">
            {t(`analysis.difficulty.${item.difficulty}`)}
          </Badge>
          {item.timeFlag && (
            <Badge color="orange" variant="outline" tt="none">
              {t(`analysis.flags.${item.timeFlag}`)}
            </Badge>
          )}
        </Group>
      </Group>
      <Group gap={6} mt="xs" wrap="nowrap">
        <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
          {t('analysis.yourAnswer')}
        </Text>
        <MathMarkdown inline>{formatAnswer(item.question, item.answer, answerLanguage)}</MathMarkdown>
      </Group>
      {keyed && (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
            {t('analysis.correctAnswer')}
          </Text>
          <MathMarkdown inline>
            {item.revisedKeys
              ? item.revisedKeys
                  .map((key) => formatKey({ ...keyed, key } as Question, answerLanguage))
                  .join(' / ')
              : formatKey(keyed, answerLanguage)}
          </MathMarkdown>
        </Group>
      )}
      <Text size="sm" c="dimmed">
        {t('analysis.timeLine', {
          mine: f.duration(item.timeSpentMs),
          average: item.classAverageMs === null ? '—' : f.duration(item.classAverageMs),
          share: f.share(item.classCorrectShare),
        })}
      </Text>
      <Button
        variant="subtle"
        size="compact-sm"
        mt={4}
        onClick={() => setOpen((v) => !v)}
        aria-expanded={isOpen}
      >
        {isOpen
          ? t('analysis.hideQuestion')
          : keyed
            ? t('analysis.showQuestionSolution')
            : t('analysis.showQuestion')}
      </Button>
      <Collapse expanded={isOpen} keepMounted={false}>
        <QuestionBody question={item.question} language={language} />
      </Collapse>
    </Paper>
  );
}

export function QuestionList({ questions, language }: { questions: AnalysisQuestion[]; language: string }) {
  return (
    <Stack gap="sm">
      {questions.map((item) => (
        <QuestionCard key={item.questionId} item={item} language={language} />
      ))}
    </Stack>
  );
}
