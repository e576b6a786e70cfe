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
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { DateTimeField } from '../../../components/DateTimeField';
import { LoadError, TableSkeleton } from '../../../components/QueryStates';
import { instantToWallTime, wallTimeToInstant } from '../../../components/zoned-time';
import { showFormError } from '../../../lib/form-errors';
import { notifySuccess } from '../../../lib/notify';
import { useBatchOptions } from '../../batches/api';
import { useInstituteTimeZone } from '../../institutes/api';
import { useSaveSchedule } from '../api';
import { formatMinutes } from '../time-format';
import type { ExamDetail, ScheduleInput, ScheduleMode } from '../types';
import { AccommodationRows, type AccommodationRow } from './AccommodationRows';
import { RegisteredCandidates } from './RegisteredCandidates';
import { useStudentSearch } from './useStudentSearch';

/** A new schedule starts tomorrow at 10:00 on the institute's clock, a usual mock-test slot. */
function tomorrowAtTen(timeZone: string): string {
  const today = instantToWallTime(Date.now(), timeZone);
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  const wall = {
    year: tomorrow.getUTCFullYear(),
    month: tomorrow.getUTCMonth() + 1,
    day: tomorrow.getUTCDate(),
    hour: 10,
    minute: 0,
  };
  return new Date(wallTimeToInstant(wall, timeZone)).toISOString();
}

/** Times are ISO instants throughout; the fields type and show them in the institute's zone. */
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

function initialValues(exam: ExamDetail, timeZone: string): ScheduleValues {
  const { schedule } = exam;
  const candidates = exam.assignments?.candidates ?? [];
  return {
    mode: schedule?.mode ?? 'fixed',
    startsAt: schedule ? schedule.startsAt : tomorrowAtTen(timeZone),
    windowEndsAt: schedule?.windowEndsAt ?? null,
    batchIds: exam.assignments?.batchIds ?? [],
    studentIds: candidates
      .filter((candidate) => candidate.assignedDirectly)
      .map((candidate) => candidate.userId),
    registrationRequired: schedule?.registration.required ?? false,
    registrationDeadline: schedule?.registration.deadline ?? null,
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

/** The exam's schedule, once the institute's time zone (which every time here is in) is known. */
export function ScheduleForm({ exam }: { exam: ExamDetail }) {
  const zone = useInstituteTimeZone();
  if (zone.isPending) return <TableSkeleton rows={4} />;
  if (zone.error) return <LoadError error={zone.error} onRetry={() => void zone.refetch()} />;
  return <ScheduleFields exam={exam} timeZone={zone.timeZone} />;
}

function ScheduleFields({ exam, timeZone }: { exam: ExamDetail; timeZone: string }) {
  const save = useSaveSchedule(exam.id);
  const batches = useBatchOptions();
  const students = useStudentSearch(knownStudentNames(exam));
  const isLocked = exam.status === 'live' || exam.status === 'ended';
  // The calendars start at the day the form was opened (the server refuses a start in the past).
  const [openedAt] = useState(() => Date.now());
  const form = useForm<ScheduleValues>({
    initialValues: initialValues(exam, timeZone),
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
      startsAt: input.startsAt ?? '',
      ...(input.mode === 'window' && input.windowEndsAt ? { windowEndsAt: input.windowEndsAt } : {}),
      batchIds: input.batchIds,
      studentIds: input.studentIds,
      registration: {
        required: input.registrationRequired,
        ...(input.registrationRequired && input.registrationDeadline
          ? { deadline: input.registrationDeadline }
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
              <DateTimeField
                label={values.mode === 'fixed' ? 'Starts at' : 'Window opens'}
                timeZone={timeZone}
                minDate={openedAt}
                value={values.startsAt}
                onChange={(value) => form.setFieldValue('startsAt', value)}
                error={form.errors.startsAt}
                data-testid="schedule-starts-at"
              />
              {values.mode === 'window' && (
                <DateTimeField
                  label="Window closes (last start)"
                  timeZone={timeZone}
                  minDate={openedAt}
                  value={values.windowEndsAt}
                  onChange={(value) => form.setFieldValue('windowEndsAt', value)}
                  error={form.errors.windowEndsAt}
                  data-testid="schedule-window-ends-at"
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
                <DateTimeField
                  label="Registration closes"
                  timeZone={timeZone}
                  minDate={openedAt}
                  defaultTime="23:59"
                  value={values.registrationDeadline}
                  onChange={(value) => form.setFieldValue('registrationDeadline', value)}
                  error={form.errors.registrationDeadline}
                  data-testid="schedule-registration-deadline"
                />
                <NumberInput
                  label="Seats"
                  placeholder="No limit"
                  min={1}
                  {...form.getInputProps('capacity')}
                />
              </SimpleGrid>
            )}
            {exam.schedule?.registration.required && <RegisteredCandidates exam={exam} timeZone={timeZone} />}
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
