import {
  Alert,
  Button,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { BUILT_IN_TEMPLATES } from '@examtech/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { LoadError } from '../../components/QueryStates';
import { showFormError } from '../../lib/form-errors';
import { useSyllabus } from '../syllabus/api';
import {
  useCreatePracticeTest,
  usePracticeSettings,
  type PracticeDifficulty,
  type PracticeScope,
  type PracticeTest,
} from './api';

const scopes: { value: PracticeScope; label: string }[] = [
  { value: 'chapter', label: 'Chapter-wise' },
  { value: 'subject', label: 'Subject-wise' },
  { value: 'template', label: 'Full mock' },
];
const difficulties: { value: PracticeDifficulty; label: string }[] = [
  { value: 'easy', label: 'Easy' },
  { value: 'medium', label: 'Medium' },
  { value: 'hard', label: 'Hard' },
  { value: 'mixed', label: 'Mixed' },
];
// The server builds a mock from a pattern's latest version.
const mockPatterns = BUILT_IN_TEMPLATES.filter(
  (template) =>
    !BUILT_IN_TEMPLATES.some((other) => other.id === template.id && other.version > template.version),
).map((template) => ({ value: template.id, label: template.name }));

interface PracticeValues {
  scope: PracticeScope;
  chapterIds: string[];
  subjectIds: string[];
  templateId: string | null;
  questionCount: number | string;
  difficulty: PracticeDifficulty;
  durationMinutes: number | string;
}

export function CreatePracticeForm() {
  const syllabus = useSyllabus();
  const settings = usePracticeSettings();
  const create = useCreatePracticeTest();
  const [created, setCreated] = useState<PracticeTest | null>(null);
  const form = useForm<PracticeValues>({
    initialValues: {
      scope: 'chapter',
      chapterIds: [],
      subjectIds: [],
      templateId: null,
      questionCount: 20,
      difficulty: 'mixed',
      durationMinutes: '',
    },
    validate: {
      chapterIds: (value, values) =>
        values.scope === 'chapter' && value.length === 0 ? 'Pick at least one chapter' : null,
      subjectIds: (value, values) =>
        values.scope === 'subject' && value.length === 0 ? 'Pick at least one subject' : null,
      templateId: (value, values) => (values.scope === 'template' && !value ? 'Pick an exam pattern' : null),
      questionCount: (value, values) =>
        values.scope !== 'template' && (typeof value !== 'number' || value < 5 || value > 200)
          ? 'Between 5 and 200 questions'
          : null,
    },
  });
  const values = form.getValues();
  const disabled = new Set(settings.data?.disabledSubjectIds ?? []);
  const subjects = (syllabus.data ?? []).filter((subject) => !disabled.has(subject.id));
  const chapterGroups = subjects
    .filter((subject) => subject.chapters.length > 0)
    .map((subject) => ({
      group: subject.name,
      items: subject.chapters.map((chapter) => ({ value: chapter.id, label: chapter.name })),
    }));

  const submit = form.onSubmit((input) => {
    setCreated(null);
    create.mutate(
      {
        scope: input.scope,
        ...(input.scope === 'chapter' ? { chapterIds: input.chapterIds } : {}),
        ...(input.scope === 'subject' ? { subjectIds: input.subjectIds } : {}),
        ...(input.scope === 'template' && input.templateId ? { templateId: input.templateId } : {}),
        questionCount: typeof input.questionCount === 'number' ? input.questionCount : 20,
        difficulty: input.difficulty,
        ...(typeof input.durationMinutes === 'number' ? { durationMinutes: input.durationMinutes } : {}),
      },
      {
        onSuccess: ({ practiceTest }) => setCreated(practiceTest),
        onError: (error) => showFormError(form, error),
      },
    );
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="create-practice-title">
      <Title order={2} fz="h4" id="create-practice-title" mb="xs">
        Create a practice test
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Questions you have not practised yet come first. Results appear as soon as you submit.
      </Text>
      {
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <SegmentedControl
              data={scopes}
              aria-label="What to practise"
              fullWidth
              {...form.getInputProps('scope')}
            />
            {syllabus.isError && values.scope !== 'template' && (
              <LoadError error={syllabus.error} onRetry={() => void syllabus.refetch()} />
            )}
            {values.scope === 'chapter' && !syllabus.isError && (
              <MultiSelect
                label="Chapters"
                placeholder={values.chapterIds.length ? undefined : 'Search chapters'}
                data={chapterGroups}
                searchable
                disabled={syllabus.isPending}
                {...form.getInputProps('chapterIds')}
              />
            )}
            {values.scope === 'subject' && !syllabus.isError && (
              <MultiSelect
                label="Subjects"
                placeholder={values.subjectIds.length ? undefined : 'Pick subjects'}
                data={subjects.map((subject) => ({ value: subject.id, label: subject.name }))}
                disabled={syllabus.isPending}
                {...form.getInputProps('subjectIds')}
              />
            )}
            {values.scope === 'template' ? (
              <Select
                label="Exam pattern"
                description="Sections and question counts follow the pattern"
                placeholder="Pick a pattern"
                data={mockPatterns}
                {...form.getInputProps('templateId')}
              />
            ) : (
              <NumberInput
                label="Number of questions"
                min={5}
                max={200}
                step={5}
                maw={220}
                {...form.getInputProps('questionCount')}
              />
            )}
            <div>
              <Text size="sm" fw={500} mb={4}>
                Difficulty
              </Text>
              <SegmentedControl
                data={difficulties}
                aria-label="Difficulty"
                {...form.getInputProps('difficulty')}
              />
            </div>
            <NumberInput
              label="Time limit (minutes)"
              description="Leave empty for 2.4 minutes per question, the JEE Main pace"
              placeholder="Automatic"
              min={5}
              max={600}
              maw={220}
              {...form.getInputProps('durationMinutes')}
            />
            <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
              Create practice test
            </Button>
          </Stack>
        </form>
      }
      {created && (
        <Alert
          mt="md"
          color="teal"
          variant="light"
          icon={<IconCircleCheck size={18} />}
          title="Practice test ready"
          role="status"
        >
          <Text size="sm">
            “{created.title}”: {created.questionCount} questions, {created.durationMinutes} minutes. It is
            listed under My practice tests.
          </Text>
          {created.shortfall && (
            <Text size="sm" mt={4} c="orange.9">
              Fewer questions than asked: {created.shortfall}.
            </Text>
          )}
        </Alert>
      )}
    </Paper>
  );
}
