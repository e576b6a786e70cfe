import { useDraggable } from '@dnd-kit/core';
import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  Pagination,
  Paper,
  ScrollArea,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { DIFFICULTIES, QUESTION_TYPES, type QuestionType } from '@examtech/core';
import { IconGripVertical, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/QueryStates';
import type { QuestionSummary, SyllabusSubject } from '../../../lib/types';
import { useSyllabus } from '../../syllabus/api';
import { emptySyllabusPath, SyllabusSelects, type SyllabusPath } from '../../syllabus/SyllabusSelects';
import { difficultyLabels } from '../labels';
import type { DraftSection } from '../types';
import { useBuilderBankQuestions } from './bank-query';
import { findSectionSubjectPath } from './BlueprintRules';
import classes from './BankPanel.module.css';
import { bankDndId, type DragData } from './dnd';
import { QuestionBadges, QuestionStem } from './QuestionMeta';

const difficultyOptions = DIFFICULTIES.map((difficulty) => ({
  value: difficulty,
  label: difficultyLabels[difficulty],
}));

interface BankPanelProps {
  /** The section questions are added to; the filters start from what it takes. */
  section: DraftSection | undefined;
  isInPaper: (questionId: string) => boolean;
  onAdd: (question: QuestionSummary) => void;
}

/**
 * The question bank beside the paper: the bank's filters, and questions to drag in or add. The
 * filters start at the active section's subject and allowed types; the teacher can widen them.
 */
export function BankPanel(props: BankPanelProps) {
  const syllabus = useSyllabus();
  if (syllabus.isError) return <LoadError error={syllabus.error} onRetry={() => void syllabus.refetch()} />;
  if (!syllabus.data) return <Skeleton height={320} />;
  // Remounted per section, so each section's defaults apply when the teacher switches to it.
  return <BankPanelContent key={props.section?.id ?? ''} {...props} subjects={syllabus.data} />;
}

/** The section's allowed types as a filter; none (any type) when it takes every type. */
function defaultTypes(section: DraftSection | undefined): QuestionType[] {
  if (!section || section.allowedTypes.length === QUESTION_TYPES.length) return [];
  return [...section.allowedTypes];
}

function BankPanelContent({
  section,
  isInPaper,
  onAdd,
  subjects,
}: BankPanelProps & { subjects: SyllabusSubject[] }) {
  const { t } = useTranslation();
  const targetName = section?.name ?? null;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [path, setPath] = useState<SyllabusPath>(() =>
    section ? findSectionSubjectPath(section, subjects) : emptySyllabusPath,
  );
  const [types, setTypes] = useState<QuestionType[]>(() => defaultTypes(section));
  const [difficulty, setDifficulty] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const questions = useBuilderBankQuestions({ q, ...path, types, difficulty, page });
  const resetPage =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setPage(1);
    };
  const typeOptions = QUESTION_TYPES.map((type) => ({ value: type, label: t(`builder.types.${type}`) }));
  const isSectionFilter = section !== undefined && (path.subjectId !== null || types.length > 0);

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
        {section && isSectionFilter && (
          <Text size="xs" c="blue.8" data-testid="bank-section-filter">
            {t('builder.bank.sectionFilter', { section: section.name })}
          </Text>
        )}
        <SyllabusSelects value={path} onChange={resetPage(setPath)} cols={1} />
        <MultiSelect
          label={t('builder.bank.types')}
          placeholder={types.length === 0 ? t('builder.bank.anyType') : undefined}
          data={typeOptions}
          value={types}
          onChange={resetPage(setTypes)}
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
        {questions.isError ? (
          <LoadError error={questions.error} onRetry={() => void questions.refetch()} />
        ) : !questions.data ? (
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
            {questions.data.pageCount > 1 && (
              <Group justify="center">
                <Pagination size="sm" total={questions.data.pageCount} value={page} onChange={setPage} />
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
