import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryContent } from '../../components/QueryContent';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useMyResults } from '../dashboard/api';
import { useCountdownText, useNow } from '../dashboard/countdown';
import { useMyExams, useRegisterForExam } from './api';
import { useLocalFormat } from '../../i18n/format';
import type { MyExam } from './types';

/** When registration closes: its deadline, else the last moment to start. */
const registrationClosesAt = (exam: MyExam) =>
  Date.parse(exam.registration.deadline ?? exam.windowEndsAt ?? exam.startsAt);

/**
 * A student's scheduled exams not yet sat, soonest first, with a countdown and registration where
 * the exam asks for it. A submitted exam moves to the past exams (PastExamsCard).
 */
export function UpcomingExamsCard() {
  const { t } = useTranslation();
  const exams = useMyExams();
  const results = useMyResults();
  const submitted = new Set((results.data ?? []).map((r) => r.examId));
  const notSat = (data: { upcoming: MyExam[] }) => data.upcoming.filter((e) => !submitted.has(e.id));
  return (
    <Stack gap="sm" component="section" aria-labelledby="upcoming-exams-title">
      <Title order={2} fz="h4" id="upcoming-exams-title">
        {t('upcoming.title')}
      </Title>
      <QueryContent
        query={exams}
        isEmpty={(data) => notSat(data).length === 0}
        empty={
          <EmptyPanel
            icon={<IconCalendarEvent size={28} />}
            title={t('upcoming.emptyTitle')}
            description={t('upcoming.emptyText')}
          />
        }
      >
        {(data) => (
          <Stack gap="xs" data-testid="upcoming-exams">
            {notSat(data).map((exam) => (
              <UpcomingExam key={exam.id} exam={exam} />
            ))}
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}

function UpcomingExam({ exam }: { exam: MyExam }) {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const register = useRegisterForExam();
  const now = useNow();
  const countdown = useCountdownText();
  const { registration } = exam;
  const startsAt = Date.parse(exam.startsAt);
  const closesAt = exam.windowEndsAt ? Date.parse(exam.windowEndsAt) : null;
  const registrationOpen = now < registrationClosesAt(exam);
  return (
    <Paper withBorder radius="md" p="md" data-testid="upcoming-exam">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{exam.title}</Text>
          <Text size="sm" c="dimmed">
            {exam.mode === 'window' && exam.windowEndsAt
              ? t('upcoming.window', {
                  from: format.dateTime(exam.startsAt),
                  to: format.dateTime(exam.windowEndsAt),
                })
              : t('upcoming.starts', { at: format.dateTime(exam.startsAt) })}{' '}
            · {format.minutes(exam.durationMinutes)}
            {exam.compensatoryMinutes > 0
              ? t('upcoming.extraTime', { minutes: exam.compensatoryMinutes })
              : ''}
          </Text>
          <Text size="sm" fw={600} c={now < startsAt ? 'blue' : 'teal'}>
            {now < startsAt
              ? t('upcoming.startsIn', { time: countdown(startsAt - now) })
              : closesAt && now < closesAt
                ? t('upcoming.openCloses', { time: countdown(closesAt - now) })
                : t('upcoming.openNow')}
          </Text>
          {registration.required && !registration.registered && registrationOpen && registration.deadline && (
            <Text size="xs" c="dimmed">
              {t('upcoming.registrationUntil', { at: format.dateTime(registration.deadline) })}
            </Text>
          )}
        </div>
        <Button
          size="xs"
          variant="light"
          component={Link}
          to={`/exam/${exam.id}`}
          aria-label={t('upcoming.openExam', { title: exam.title })}
        >
          {t('common.open')}
        </Button>
        {registration.required &&
          (registration.registered ? (
            <Badge color="teal" variant="light" tt="none">
              {t('upcoming.registered')}
            </Badge>
          ) : !registrationOpen ? (
            <Badge color="gray" variant="light" tt="none">
              {t('upcoming.registrationClosed')}
            </Badge>
          ) : (
            <Button
              size="xs"
              loading={register.isPending}
              onClick={() =>
                register.mutate(exam.id, {
                  onSuccess: () => notifySuccess(t('upcoming.registeredFor', { title: exam.title })),
                  onError: (error) => notifyError(error, t('upcoming.registerFailed')),
                })
              }
            >
              {t('upcoming.register')}
              {registration.seatsLeft !== null
                ? t('upcoming.seatsLeft', { count: registration.seatsLeft })
                : ''}
            </Button>
          ))}
      </Group>
    </Paper>
  );
}
