import type { Question } from '@examtech/core';
import { Alert, Button, Group, List, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, TableSkeleton } from '../../components/QueryStates';
import { isApiError } from '../../lib/api';
import { notifyError, notifySuccess } from '../../lib/notify';
import type { QuestionDetail, SyllabusSubject } from '../../lib/types';
import { useSyllabus } from '../syllabus/api';
import { findTopicPath } from '../syllabus/SyllabusSelects';
import { useQuestion, useSaveQuestion, type QuestionInput } from './api';
import { createDraft, fromQuestion, type QuestionDraft } from './draft';
import { QuestionEditor } from './QuestionEditor';
import { toErrorMap, useDraftValidation, type ErrorMap } from './validation';

/** /questions/new and /questions/:questionId/edit. */
export function QuestionEditorPage() {
  const { questionId } = useParams();
  const syllabus = useSyllabus();
  const existing = useQuestion(questionId ?? '', questionId !== undefined);
  const failed = syllabus.isError ? syllabus : existing.isError ? existing : null;
  if (failed) return <LoadError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!syllabus.data || (questionId && !existing.data)) return <TableSkeleton rows={8} />;
  return <EditorForm key={questionId ?? 'new'} subjects={syllabus.data} existing={existing.data} />;
}

/** The server assigns the id and derives the classification from the topic. */
function toInput({ id: _id, classification: _classification, ...input }: Question): QuestionInput {
  return input;
}

function EditorForm({
  subjects,
  existing,
}: {
  subjects: SyllabusSubject[];
  existing: QuestionDetail | undefined;
}) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<QuestionDraft>(() =>
    existing ? fromQuestion(existing.body, findTopicPath(subjects, existing.topic.id)) : createDraft(),
  );
  const [isAttempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<ErrorMap>({});
  const [isNoteOpen, setNoteOpen] = useState(false);
  const [changeNote, setChangeNote] = useState('');
  const { question, issues, errors } = useDraftValidation(draft, subjects);
  const save = useSaveQuestion();
  const shownErrors = { ...(isAttempted ? errors : {}), ...serverErrors };

  const change = (next: QuestionDraft) => {
    setDraft(next);
    setServerErrors({});
  };

  const submit = (note?: string) => {
    const topicId = draft.topic.topicId;
    if (!topicId) return;
    save.mutate(
      { id: existing?.id, question: toInput(question), topicId, ...(note ? { changeNote: note } : {}) },
      {
        onSuccess: ({ question: saved }) => {
          notifySuccess(existing ? `Saved as version ${saved.version}` : 'Question added to the bank');
          void navigate(`/questions/${saved.id}`);
        },
        onError: (error) => {
          setNoteOpen(false);
          if (isApiError(error) && error.fields.length > 0) {
            setServerErrors(toErrorMap(error.fields));
            notifyError(error, 'The question was not saved');
          } else {
            notifyError(error, 'The question was not saved');
          }
        },
      },
    );
  };

  const requestSave = () => {
    setAttempted(true);
    if (issues.length > 0) {
      notifyError(
        new Error('Fix the marked fields, then save again.'),
        `${issues.length} thing${issues.length === 1 ? '' : 's'} to fix`,
      );
      return;
    }
    if (existing) setNoteOpen(true);
    else submit();
  };

  const visibleIssues = Object.entries(shownErrors);
  const cancelTo = existing ? `/questions/${existing.id}` : '/questions';

  return (
    <>
      <PageHeader
        title={existing ? 'Edit question' : 'New question'}
        description={
          existing
            ? `Version ${existing.version}. Saving creates version ${existing.version + 1}; exams that used an older version keep it.`
            : 'Markdown with $LaTeX$ in English and Hindi, side by side.'
        }
        actions={
          <Button component={Link} to={cancelTo} variant="default">
            Cancel
          </Button>
        }
      />
      <Stack gap="lg" pb={90}>
        <QuestionEditor draft={draft} onChange={change} question={question} errors={shownErrors} />
        {visibleIssues.length > 0 && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title="Fix these before saving"
            role="alert"
          >
            <List size="sm">
              {visibleIssues.map(([path, message]) => (
                <List.Item key={path}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
      <Paper
        withBorder
        shadow="md"
        p="sm"
        pos="sticky"
        bottom={12}
        radius="md"
        style={{ zIndex: 5 }}
        aria-label="Save question"
      >
        <Group justify="space-between" wrap="nowrap" gap="sm">
          {issues.length === 0 ? (
            <Group gap={6} wrap="nowrap">
              <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" />
              <Text size="sm" c="teal.8">
                Ready to save
              </Text>
            </Group>
          ) : (
            <Text size="sm" c={isAttempted ? 'red.7' : 'dimmed'}>
              {issues.length} thing{issues.length === 1 ? '' : 's'} to finish
            </Text>
          )}
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            onClick={requestSave}
            loading={save.isPending && !isNoteOpen}
          >
            {existing ? 'Save new version' : 'Save question'}
          </Button>
        </Group>
      </Paper>
      <Modal opened={isNoteOpen} onClose={() => setNoteOpen(false)} title="Save a new version" centered>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit(changeNote.trim() || undefined);
          }}
        >
          <Stack>
            <Textarea
              label="What changed?"
              description="Optional. Shown in the version history."
              placeholder="e.g. Fixed the value of g in option (C)"
              value={changeNote}
              onChange={(event) => setChangeNote(event.currentTarget.value)}
              data-autofocus
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNoteOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save version {existing ? existing.version + 1 : ''}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
