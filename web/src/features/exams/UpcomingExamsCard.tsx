import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryContent } from '../../components/QueryContent';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useMyExams, useRegisterForExam } from './api';
import { useLocalFormat } from '../../i18n/format';
import type { MyExam } from './types';

/** A student's scheduled exams, soonest first, with registration where the exam asks for it. */
export function UpcomingExamsCard() {
  const { t } = useTranslation();
  const exams = useMyExams();
  return (
    <Stack gap="sm" component="section" aria-labelledby="upcoming-exams-title">
      <Title order={2} fz="h4" id="upcoming-exams-title">
        {t('upcoming.title')}
      </Title>
      <QueryContent
        query={exams}
        isEmpty={(data) => data.upcoming.length === 0}
        empty={
          <EmptyPanel
            icon={<IconCalendarEvent size={28} />}
            title={t('upcoming.emptyTitle')}
            description={t('upcoming.emptyText')}
          />
        }
      >
        {(data) => (
          <Stack gap="xs">
            {data.upcoming.map((exam) => (
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
  const { registration } = exam;
  return (
    <Paper withBorder radius="md" p="md">
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
