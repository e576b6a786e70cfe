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
import { useTranslation } from 'react-i18next';
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

const scopes: PracticeScope[] = ['chapter', 'subject', 'template'];
const difficulties: PracticeDifficulty[] = ['easy', 'medium', 'hard', 'mixed'];
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
  const { t } = useTranslation();
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
        values.scope === 'chapter' && value.length === 0 ? t('practice.form.pickChapter') : null,
      subjectIds: (value, values) =>
        values.scope === 'subject' && value.length === 0 ? t('practice.form.pickSubject') : null,
      templateId: (value, values) =>
        values.scope === 'template' && !value ? t('practice.form.pickPattern') : null,
      questionCount: (value, values) =>
        values.scope !== 'template' && (typeof value !== 'number' || value < 5 || value > 200)
          ? t('practice.form.countRange')
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
        {t('practice.form.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('practice.form.intro')}
      </Text>
      {
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <SegmentedControl
              data={scopes.map((value) => ({ value, label: t(`practice.scope.${value}`) }))}
              aria-label={t('practice.form.scope')}
              fullWidth
              {...form.getInputProps('scope')}
            />
            {syllabus.isError && values.scope !== 'template' && (
              <LoadError error={syllabus.error} onRetry={() => void syllabus.refetch()} />
            )}
            {values.scope === 'chapter' && !syllabus.isError && (
              <MultiSelect
                label={t('practice.form.chapters')}
                placeholder={values.chapterIds.length ? undefined : t('practice.form.searchChapters')}
                data={chapterGroups}
                searchable
                disabled={syllabus.isPending}
                {...form.getInputProps('chapterIds')}
              />
            )}
            {values.scope === 'subject' && !syllabus.isError && (
              <MultiSelect
                label={t('practice.form.subjects')}
                placeholder={values.subjectIds.length ? undefined : t('practice.form.pickSubjects')}
                data={subjects.map((subject) => ({ value: subject.id, label: subject.name }))}
                disabled={syllabus.isPending}
                {...form.getInputProps('subjectIds')}
              />
            )}
            {values.scope === 'template' ? (
              <Select
                label={t('practice.form.pattern')}
                description={t('practice.form.patternHint')}
                placeholder={t('practice.form.pickAPattern')}
                data={mockPatterns}
                {...form.getInputProps('templateId')}
              />
            ) : (
              <NumberInput
                label={t('practice.form.questionCount')}
                min={5}
                max={200}
                step={5}
                maw={220}
                {...form.getInputProps('questionCount')}
              />
            )}
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('practice.form.difficulty')}
              </Text>
              <SegmentedControl
                data={difficulties.map((value) => ({ value, label: t(`practice.difficulty.${value}`) }))}
                aria-label={t('practice.form.difficulty')}
                {...form.getInputProps('difficulty')}
              />
            </div>
            <NumberInput
              label={t('practice.form.timeLimit')}
              description={t('practice.form.timeLimitHint')}
              placeholder={t('practice.form.automatic')}
              min={5}
              max={600}
              maw={220}
              {...form.getInputProps('durationMinutes')}
            />
            <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('practice.create')}
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
          title={t('practice.form.ready')}
          role="status"
        >
          <Text size="sm">
            {t('practice.form.readyText', {
              title: created.title,
              count: created.questionCount,
              minutes: created.durationMinutes,
            })}
          </Text>
          {created.shortfall && (
            <Text size="sm" mt={4} c="orange.9">
              {t('practice.form.shortfall', { shortfall: created.shortfall })}
            </Text>
          )}
        </Alert>
      )}
    </Paper>
  );
}
