import '@mantine/dates/styles.css';
import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { showFormError } from '../../../lib/form-errors';
import { notifySuccess } from '../../../lib/notify';
import { useBatchOptions } from '../../batches/api';
import { useSaveSchedule } from '../api';
import { formatMinutes } from '../time-format';
import type { ExamDetail, ScheduleInput, ScheduleMode } from '../types';
import { AccommodationRows, type AccommodationRow } from './AccommodationRows';
import { useStudentSearch } from './useStudentSearch';

/** DateTimePicker speaks local `YYYY-MM-DD HH:mm:ss`; the API speaks ISO instants. */
const PICKER_FORMAT = 'YYYY-MM-DD HH:mm:ss';
const toPicker = (iso: string | null | undefined) => (iso ? dayjs(iso).format(PICKER_FORMAT) : null);
const toIso = (value: string | null) => (value ? dayjs(value).toISOString() : null);

interface ScheduleValues {
  mode: ScheduleMode;
  startsAt: string | null;
  windowEndsAt: string | null;
  batchIds: string[];
  studentIds: string[];
  registrationRequired: boolean;
  registrationDeadline: string | null;
  capacity: number | string;
  accommodations: AccommodationRow[];
}

function initialValues(exam: ExamDetail): ScheduleValues {
  const { schedule } = exam;
  const candidates = exam.assignments?.candidates ?? [];
  // A new schedule starts tomorrow at 10:00, a usual mock-test slot.
  const tomorrow = dayjs().add(1, 'day').hour(10).minute(0).second(0).format(PICKER_FORMAT);
  return {
    mode: schedule?.mode ?? 'fixed',
    startsAt: schedule ? toPicker(schedule.startsAt) : tomorrow,
    windowEndsAt: toPicker(schedule?.windowEndsAt),
    batchIds: exam.assignments?.batchIds ?? [],
    studentIds: candidates
      .filter((candidate) => candidate.assignedDirectly)
      .map((candidate) => candidate.userId),
    registrationRequired: schedule?.registration.required ?? false,
    registrationDeadline: toPicker(schedule?.registration.deadline),
    capacity: schedule?.registration.capacity ?? '',
    accommodations: candidates
      .filter((candidate) => candidate.compensatoryMinutesPerHour > 0)
      .map((candidate) => ({
        key: candidate.userId,
        userId: candidate.userId,
        minutesPerHour: candidate.compensatoryMinutesPerHour,
      })),
  };
}

/** Names the server already told us, so chosen students show by name before any search. */
function knownStudentNames(exam: ExamDetail): Record<string, string> {
  return Object.fromEntries(
    (exam.assignments?.candidates ?? []).map((candidate) => [candidate.userId, candidate.name]),
  );
}

export function ScheduleForm({ exam }: { exam: ExamDetail }) {
  const save = useSaveSchedule(exam.id);
  const batches = useBatchOptions();
  const students = useStudentSearch(knownStudentNames(exam));
  const isLocked = exam.status === 'live' || exam.status === 'ended';
  const form = useForm<ScheduleValues>({
    initialValues: initialValues(exam),
    validate: {
      startsAt: (value) => (value ? null : 'Choose when the exam starts'),
      windowEndsAt: (value, values) =>
        values.mode === 'window' && !value ? 'Choose the last moment a candidate may start' : null,
      batchIds: (value, values) =>
        value.length === 0 && values.studentIds.length === 0 ? 'Assign at least one batch or student' : null,
      accommodations: (rows) => (rows.some((row) => !row.userId) ? 'Choose a student for every row' : null),
    },
  });
  const values = form.getValues();

  const submit = form.onSubmit((input) => {
    const schedule: ScheduleInput = {
      mode: input.mode,
      startsAt: toIso(input.startsAt) ?? '',
      ...(input.mode === 'window' && input.windowEndsAt
        ? { windowEndsAt: toIso(input.windowEndsAt) ?? '' }
        : {}),
      batchIds: input.batchIds,
      studentIds: input.studentIds,
      registration: {
        required: input.registrationRequired,
        ...(input.registrationRequired && input.registrationDeadline
          ? { deadline: toIso(input.registrationDeadline) ?? '' }
          : {}),
        ...(input.registrationRequired && typeof input.capacity === 'number'
          ? { capacity: input.capacity }
          : {}),
      },
      accommodations: input.accommodations.flatMap((row) =>
        row.userId
          ? [{ userId: row.userId, compensatoryMinutesPerHour: Number(row.minutesPerHour) || 0 }]
          : [],
      ),
    };
    save.mutate(schedule, {
      onSuccess: () => notifySuccess('Candidates will see it on their dashboards.', 'Exam scheduled'),
      onError: (error) => showFormError(form, error),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Fieldset legend="When" disabled={isLocked} radius="md">
          <Stack gap="sm">
            <SegmentedControl
              data={[
                { value: 'fixed', label: 'Fixed start' },
                { value: 'window', label: 'Start window' },
              ]}
              aria-label="Start mode"
              {...form.getInputProps('mode')}
              style={{ alignSelf: 'flex-start' }}
            />
            <Text size="xs" c="dimmed">
              {values.mode === 'fixed'
                ? `Everyone starts at the same moment and has ${formatMinutes(exam.durationMinutes)}.`
                : `Each candidate may start any time in the window and gets the full ${formatMinutes(exam.durationMinutes)}.`}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <DateTimePicker
                label={values.mode === 'fixed' ? 'Starts at' : 'Window opens'}
                valueFormat="DD MMM YYYY, hh:mm A"
                minDate={new Date()}
                {...form.getInputProps('startsAt')}
              />
              {values.mode === 'window' && (
                <DateTimePicker
                  label="Window closes (last start)"
                  valueFormat="DD MMM YYYY, hh:mm A"
                  minDate={new Date()}
                  {...form.getInputProps('windowEndsAt')}
                />
              )}
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend="Who" disabled={isLocked} radius="md">
          <Stack gap="sm">
            <MultiSelect
              label="Batches"
              placeholder="Choose batches"
              data={batches.options}
              searchable
              {...form.getInputProps('batchIds')}
            />
            <MultiSelect
              label="Individual students"
              description="In addition to the batches"
              placeholder="Search by name or roll number"
              searchable
              data={students.options(values.studentIds)}
              onSearchChange={students.setSearch}
              {...form.getInputProps('studentIds')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend="Registration" disabled={isLocked} radius="md">
          <Stack gap="sm">
            <Switch
              label="Candidates must register"
              {...form.getInputProps('registrationRequired', { type: 'checkbox' })}
            />
            {values.registrationRequired && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <DateTimePicker
                  label="Registration closes"
                  valueFormat="DD MMM YYYY, hh:mm A"
                  clearable
                  {...form.getInputProps('registrationDeadline')}
                />
                <NumberInput
                  label="Seats"
                  placeholder="No limit"
                  min={1}
                  {...form.getInputProps('capacity')}
                />
              </SimpleGrid>
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend="Accommodations" disabled={isLocked} radius="md">
          <AccommodationRows
            knownNames={knownStudentNames(exam)}
            rows={values.accommodations}
            onChange={(rows) => form.setFieldValue('accommodations', rows)}
            disabled={isLocked}
          />
          {form.errors.accommodations && (
            <Text size="xs" c="red" mt={4}>
              {form.errors.accommodations}
            </Text>
          )}
        </Fieldset>
        {!isLocked && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {exam.schedule ? 'Save schedule' : 'Schedule exam'}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
