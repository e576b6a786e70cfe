import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { EmptyPanel } from '../../../components/EmptyPanel';
import { QueryContent } from '../../../components/QueryContent';
import type { QuestionSummary } from '../../../lib/types';
import { useSimilarQuestions } from '../api';
import { QuestionBadges, QuestionStem } from './QuestionMeta';

/** "Replace with a similar question": same topic, type and difficulty, not already in the paper. */
export function ReplaceQuestionModal({
  examId,
  questionId,
  onClose,
  onPick,
}: {
  examId: string;
  questionId: string | null;
  onClose: () => void;
  onPick: (question: QuestionSummary) => void;
}) {
  const similar = useSimilarQuestions(examId, questionId);
  return (
    <Modal
      opened={questionId !== null}
      onClose={onClose}
      title="Replace with a similar question"
      size="lg"
      centered
    >
      <Text size="sm" c="dimmed" mb="sm">
        Same topic, type and difficulty, not already in this paper. The marks set for the old question stay.
      </Text>
      <QueryContent
        query={similar}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyPanel
            icon={<IconArrowsExchange size={28} />}
            title="No similar question left"
            description="Every question of this topic, type and difficulty is already in the paper. Pick one from the bank instead."
          />
        }
      >
        {(items) => (
          <Stack gap="xs">
            {items.map((question) => (
              <Paper key={question.id} withBorder radius="md" p="sm">
                <Group wrap="nowrap" align="flex-start">
                  <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                    <QuestionStem text={question.stemPreview} />
                    <QuestionBadges
                      question={{ ...question, chapter: question.chapter.name, topic: question.topic.name }}
                    />
                  </Stack>
                  <Button size="xs" onClick={() => onPick(question)}>
                    Use this
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryContent>
    </Modal>
  );
}
