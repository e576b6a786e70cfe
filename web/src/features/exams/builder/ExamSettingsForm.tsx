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
import { LANGUAGE_LABELS, LANGUAGES } from '@examtech/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExamDetail, ResultReleaseMode } from '../types';
import type { ExamSettingsEditor } from './useExamSettingsForm';

const releaseModes: { value: ResultReleaseMode; label: string }[] = [
  { value: 'instant', label: 'When the exam closes' },
  { value: 'scheduled', label: 'At a set time' },
  { value: 'manual', label: 'When I release them' },
];

/**
 * Candidate-facing settings: languages, calculator, proctoring, result release (PUT /settings).
 * The form's state is the builder page's (`useExamSettingsForm`), so Publish can see it.
 */
export function ExamSettingsForm({ exam, settings }: { exam: ExamDetail; settings: ExamSettingsEditor }) {
  const { t } = useTranslation();
  const { form, submit } = settings;
  const isReadOnly = exam.status !== 'draft';
  const values = form.getValues();

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
              description={t('builder.settings.warnDescription')}
              min={0}
              max={50}
              allowNegative={false}
              allowDecimal={false}
              {...form.getInputProps('proctoring.warnAfterViolations')}
            />
            <NumberInput
              label="Submit automatically after (violations)"
              description={t('builder.settings.submitDescription')}
              min={0}
              max={100}
              allowNegative={false}
              allowDecimal={false}
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
            {settings.isDirty && (
              <Text size="sm" c="orange.8" role="status" data-testid="settings-unsaved">
                {t('builder.settings.unsaved')}
              </Text>
            )}
            <Button type="submit" loading={settings.isSaving}>
              Save settings
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
