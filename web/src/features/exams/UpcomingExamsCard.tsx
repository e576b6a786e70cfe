import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryContent } from '../../components/QueryContent';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useMyExams, useRegisterForExam } from './api';
import { formatDateTime, formatMinutes } from './time-format';
import type { MyExam } from './types';

/** A student's scheduled exams, soonest first, with registration where the exam asks for it. */
export function UpcomingExamsCard() {
  const exams = useMyExams();
  return (
    <Stack gap="sm" component="section" aria-labelledby="upcoming-exams-title">
      <Title order={2} fz="h4" id="upcoming-exams-title">
        Upcoming exams
      </Title>
      <QueryContent
        query={exams}
        isEmpty={(data) => data.upcoming.length === 0}
        empty={
          <EmptyPanel
            icon={<IconCalendarEvent size={28} />}
            title="No exam scheduled"
            description="Mock tests your institute schedules for you appear here."
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
  const register = useRegisterForExam();
  const { registration } = exam;
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{exam.title}</Text>
          <Text size="sm" c="dimmed">
            {exam.mode === 'window' && exam.windowEndsAt
              ? `Start between ${formatDateTime(exam.startsAt)} and ${formatDateTime(exam.windowEndsAt)}`
              : `Starts ${formatDateTime(exam.startsAt)}`}{' '}
            · {formatMinutes(exam.durationMinutes)}
            {exam.compensatoryMinutes > 0 ? ` + ${exam.compensatoryMinutes} min extra time` : ''}
          </Text>
        </div>
        <Button
          size="xs"
          variant="light"
          component={Link}
          to={`/exam/${exam.id}`}
          aria-label={`Open ${exam.title}`}
        >
          Open
        </Button>
        {registration.required &&
          (registration.registered ? (
            <Badge color="teal" variant="light" tt="none">
              Registered
            </Badge>
          ) : (
            <Button
              size="xs"
              loading={register.isPending}
              onClick={() =>
                register.mutate(exam.id, {
                  onSuccess: () => notifySuccess(`You are registered for “${exam.title}”`),
                  onError: (error) => notifyError(error, 'Could not register'),
                })
              }
            >
              Register
              {registration.seatsLeft !== null ? ` (${registration.seatsLeft} seats left)` : ''}
            </Button>
          ))}
      </Group>
    </Paper>
  );
}
