import {
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { LoadError } from '../../components/QueryStates';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useSavePracticeSettings, usePracticeSettings, type PracticeSettings } from '../practice/api';
import { useSyllabus } from '../syllabus/api';

/** Teachers decide where students may practise: per subject, and whether only released questions count. */
export function PracticeSettingsCard() {
  const settings = usePracticeSettings();
  const syllabus = useSyllabus();
  const save = useSavePracticeSettings();
  const [draft, setDraft] = useState<PracticeSettings | null>(settings.data ?? null);
  // A new server copy (loaded, or saved and read again) replaces the draft: adjusted while
  // rendering, as React advises, rather than in an effect that renders twice.
  const [draftOf, setDraftOf] = useState(settings.data);
  if (settings.data !== draftOf) {
    setDraftOf(settings.data);
    if (settings.data) setDraft(settings.data);
  }

  const query = settings.isError ? settings : syllabus;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const isDirty =
    draft !== null && settings.data !== undefined && JSON.stringify(draft) !== JSON.stringify(settings.data);

  const setSubjectEnabled = (subjectId: string, enabled: boolean) =>
    setDraft((current) =>
      current
        ? {
            ...current,
            disabledSubjectIds: enabled
              ? current.disabledSubjectIds.filter((id) => id !== subjectId)
              : [...current.disabledSubjectIds, subjectId],
          }
        : current,
    );

  const submit = () => {
    if (!draft) return;
    save.mutate(draft, {
      onSuccess: () => notifySuccess('Practice settings saved'),
      onError: (error) => notifyError(error, 'Could not save practice settings'),
    });
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="practice-settings-title">
      <Title order={2} fz="h4" id="practice-settings-title">
        Practice settings
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Students build their own practice tests from the bank. Switch a subject off to keep its questions for
        scheduled exams only.
      </Text>
      {draft === null || syllabus.isPending ? (
        <Skeleton height={120} />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
            {(syllabus.data ?? []).map((subject) => (
              <Checkbox
                key={subject.id}
                label={subject.name}
                checked={!draft.disabledSubjectIds.includes(subject.id)}
                onChange={(event) => setSubjectEnabled(subject.id, event.currentTarget.checked)}
              />
            ))}
          </SimpleGrid>
          <Switch
            label="Only questions already released in exam results"
            description="Questions still waiting for a scheduled exam stay out of practice."
            checked={draft.releasedOnly}
            onChange={(event) => {
              const releasedOnly = event.currentTarget.checked;
              setDraft((current) => (current ? { ...current, releasedOnly } : current));
            }}
          />
          <Group justify="flex-end">
            <Button onClick={submit} loading={save.isPending} disabled={!isDirty}>
              Save practice settings
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
