import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { LANGUAGE_LABELS, LANGUAGES } from '@examtech/core';
import dayjs from 'dayjs';
import { showFormError } from '../../../lib/form-errors';
import { notifySuccess } from '../../../lib/notify';
import { useSaveSettings } from '../api';
import type { ExamDetail, ExamSettings, ResultReleaseMode } from '../types';

const releaseModes: { value: ResultReleaseMode; label: string }[] = [
  { value: 'instant', label: 'When the exam closes' },
  { value: 'scheduled', label: 'At a set time' },
  { value: 'manual', label: 'When I release them' },
];

/** Candidate-facing settings: languages, calculator, proctoring, result release (PUT /settings). */
export function ExamSettingsForm({ exam }: { exam: ExamDetail }) {
  const save = useSaveSettings(exam.id);
  const isReadOnly = exam.status !== 'draft';
  const form = useForm<ExamSettings>({
    initialValues: exam.settings,
    validate: {
      languages: (value) => (value.length > 0 ? null : 'Offer at least one language'),
      resultRelease: (value) =>
        value.mode === 'scheduled' && !value.at ? 'Choose when results are released' : null,
      proctoring: {
        submitAfterViolations: (value, values) =>
          value < values.proctoring.warnAfterViolations
            ? 'Submit after at least as many violations as the warning'
            : null,
      },
    },
  });
  const values = form.getValues();
  const submit = form.onSubmit((settings) =>
    save.mutate(settings, {
      onSuccess: ({ exam: saved }) => {
        form.setValues(saved.settings);
        form.resetDirty(saved.settings);
        notifySuccess('Exam settings saved');
      },
      onError: (error) => showFormError(form, error),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Fieldset legend="Candidates" disabled={isReadOnly} radius="md">
          <Stack gap="sm">
            <Checkbox.Group
              label="Languages offered"
              description="Candidates can switch during the exam, as in the NTA interface"
              {...form.getInputProps('languages')}
            >
              <Group mt={6}>
                {LANGUAGES.map((language) => (
                  <Checkbox key={language} value={language} label={LANGUAGE_LABELS[language].english} />
                ))}
              </Group>
            </Checkbox.Group>
            <Switch
              label="On-screen calculator"
              {...form.getInputProps('calculator', { type: 'checkbox' })}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend="Proctoring" disabled={isReadOnly} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Switch
              label="Webcam snapshots"
              {...form.getInputProps('proctoring.webcamSnapshots', { type: 'checkbox' })}
            />
            <NumberInput
              label="Snapshot every (seconds)"
              min={10}
              max={600}
              disabled={!values.proctoring.webcamSnapshots}
              {...form.getInputProps('proctoring.snapshotIntervalSeconds')}
            />
            <Switch
              label="Screen recording"
              {...form.getInputProps('proctoring.screenRecording', { type: 'checkbox' })}
            />
            <Switch
              label="Detect tab switches"
              {...form.getInputProps('proctoring.tabSwitchDetection', { type: 'checkbox' })}
            />
            <Switch
              label="Full screen required"
              {...form.getInputProps('proctoring.fullScreenRequired', { type: 'checkbox' })}
            />
            <div />
            <NumberInput
              label="Warn after (violations)"
              min={1}
              max={50}
              {...form.getInputProps('proctoring.warnAfterViolations')}
            />
            <NumberInput
              label="Submit automatically after (violations)"
              min={1}
              max={100}
              {...form.getInputProps('proctoring.submitAfterViolations')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Results" disabled={isReadOnly} radius="md">
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={500} mb={4}>
                Release results
              </Text>
              <SegmentedControl data={releaseModes} {...form.getInputProps('resultRelease.mode')} />
              <Text size="xs" c="dimmed" mt={4}>
                Results never go out while anyone can still answer: not before the window has closed for every
                candidate, compensatory time included, plus 30 minutes for answers kept offline to arrive.
                Until then the paper&apos;s questions stay out of practice tests.
              </Text>
            </div>
            {values.resultRelease.mode === 'scheduled' && (
              <DateTimePicker
                label="Release at"
                placeholder="Pick date and time"
                valueFormat="DD MMM YYYY, hh:mm A"
                maw={320}
                value={
                  values.resultRelease.at
                    ? dayjs(values.resultRelease.at).format('YYYY-MM-DD HH:mm:ss')
                    : null
                }
                onChange={(value) =>
                  form.setFieldValue('resultRelease.at', value ? dayjs(value).toISOString() : undefined)
                }
                error={form.errors.resultRelease}
              />
            )}
            <Switch
              label="Show the answer key and solutions after results are released"
              {...form.getInputProps('showAnswerKeyAfterRelease', { type: 'checkbox' })}
            />
          </Stack>
        </Fieldset>
        {!isReadOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
