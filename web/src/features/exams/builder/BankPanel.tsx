import { useDraggable } from '@dnd-kit/core';
import {
  ActionIcon,
  Button,
  Group,
  Pagination,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { DIFFICULTIES, QUESTION_TYPES } from '@examtech/core';
import { IconGripVertical, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { LoadError } from '../../../components/QueryStates';
import type { QuestionSummary } from '../../../lib/types';
import { emptySyllabusPath, SyllabusSelects, type SyllabusPath } from '../../syllabus/SyllabusSelects';
import { useBankQuestions } from '../api';
import { difficultyLabels, questionTypeLabels } from '../labels';
import classes from './BankPanel.module.css';
import { bankDndId, type DragData } from './dnd';
import { QuestionBadges, QuestionStem } from './QuestionMeta';

const typeOptions = QUESTION_TYPES.map((type) => ({ value: type, label: questionTypeLabels[type] }));
const difficultyOptions = DIFFICULTIES.map((difficulty) => ({
  value: difficulty,
  label: difficultyLabels[difficulty],
}));

interface BankPanelProps {
  targetName: string | null;
  isInPaper: (questionId: string) => boolean;
  onAdd: (question: QuestionSummary) => void;
}

/** The question bank beside the paper: the bank's filters, and questions to drag in or add. */
export function BankPanel({ targetName, isInPaper, onAdd }: BankPanelProps) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [path, setPath] = useState<SyllabusPath>(emptySyllabusPath);
  const [type, setType] = useState<string | null>(null);
  const [difficulty, setDifficulty] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const questions = useBankQuestions({ q, ...path, type, difficulty, page });
  const resetPage =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setPage(1);
    };

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="aside"
      aria-labelledby="bank-title"
      className={classes.panel}
    >
      <Title order={2} fz="h5" id="bank-title">
        Question bank
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Drag a question onto the paper or a section tab{targetName ? `, or add it to ${targetName}` : ''}.
      </Text>
      <Stack gap="xs">
        <TextInput
          placeholder="Search text, tags, source"
          aria-label="Search the bank"
          leftSection={<IconSearch size={14} />}
          value={search}
          onChange={(event) => resetPage(setSearch)(event.currentTarget.value)}
        />
        <SyllabusSelects value={path} onChange={resetPage(setPath)} cols={1} />
        <SimpleGrid cols={2} spacing="xs">
          <Select
            label="Type"
            placeholder="Any type"
            data={typeOptions}
            value={type}
            onChange={resetPage(setType)}
            clearable
          />
          <Select
            label="Difficulty"
            placeholder="Any"
            data={difficultyOptions}
            value={difficulty}
            onChange={resetPage(setDifficulty)}
            clearable
          />
        </SimpleGrid>
        {questions.isError ? (
          <LoadError error={questions.error} onRetry={() => void questions.refetch()} />
        ) : questions.isPending ? (
          <Skeleton height={240} />
        ) : (
          <>
            <Text size="xs" c="dimmed" aria-live="polite">
              {questions.data.total} matching question{questions.data.total === 1 ? '' : 's'}
            </Text>
            <ScrollArea.Autosize mah={520} type="auto" offsetScrollbars>
              <Stack gap={6} data-testid="bank-list">
                {questions.data.items.map((question) => (
                  <BankItem
                    key={question.id}
                    question={question}
                    isInPaper={isInPaper(question.id)}
                    canAdd={targetName !== null}
                    onAdd={() => onAdd(question)}
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
            {questions.data.total > questions.data.pageSize && (
              <Group justify="center">
                <Pagination
                  size="sm"
                  total={Math.ceil(questions.data.total / questions.data.pageSize)}
                  value={page}
                  onChange={setPage}
                />
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function BankItem({
  question,
  isInPaper,
  canAdd,
  onAdd,
}: {
  question: QuestionSummary;
  isInPaper: boolean;
  canAdd: boolean;
  onAdd: () => void;
}) {
  const data: DragData = { kind: 'bank', question };
  // Pointer-only drag: keyboard users have the Add button, which does the same.
  const { listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: bankDndId(question.id),
    data,
    disabled: isInPaper || !canAdd,
  });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="xs"
      data-testid="bank-item"
      style={{ opacity: isDragging || isInPaper ? 0.5 : 1 }}
    >
      <Group wrap="nowrap" align="flex-start" gap={6}>
        <ActionIcon
          ref={setActivatorNodeRef}
          {...listeners}
          variant="subtle"
          color="gray"
          tabIndex={-1}
          aria-hidden
          disabled={isInPaper || !canAdd}
          style={{ cursor: 'grab', touchAction: 'none' }}
          data-testid="bank-drag-handle"
        >
          <IconGripVertical size={16} />
        </ActionIcon>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <QuestionStem text={question.stemPreview} />
          <QuestionBadges
            question={{ ...question, chapter: question.chapter.name, topic: question.topic.name }}
          />
        </Stack>
        <Button
          size="compact-xs"
          variant="light"
          leftSection={isInPaper ? undefined : <IconPlus size={12} />}
          disabled={isInPaper || !canAdd}
          onClick={onAdd}
          aria-label={
            isInPaper ? 'Already in the paper' : `Add to paper: ${question.stemPreview.slice(0, 60)}`
          }
        >
          {isInPaper ? 'In paper' : 'Add'}
        </Button>
      </Group>
    </Paper>
  );
}
