import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import { useLocalFormat } from '../../i18n/format';
import { useProctoredExams } from './api';
import { orderExams } from './time';
import type { ProctoredExam } from './types';

const statusColour: Record<ProctoredExam['status'], string> = {
  live: 'red',
  upcoming: 'blue',
  ended: 'gray',
};

function ExamCard({ exam }: { exam: ProctoredExam }) {
  const { t } = useTranslation();
  const format = useLocalFormat();
  return (
    <Card withBorder radius="md" padding="md" data-testid="proctored-exam">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} fz="md" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {exam.title}
          </Title>
          <Badge
            color={statusColour[exam.status]}
            variant={exam.status === 'live' ? 'filled' : 'light'}
            tt="none"
            style={{ flexShrink: 0 }}
          >
            {t(`proctoring.examStatus.${exam.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('proctoring.startsAt', { at: format.dateTime(exam.startsAt) })} ·{' '}
          {format.minutes(exam.durationMinutes)}
        </Text>
        <Text size="sm">{t('proctoring.candidates', { count: exam.candidates })}</Text>
        <Group mt="auto" pt="xs">
          <Button
            component={Link}
            to={`/proctoring/${exam.examId}`}
            variant={exam.status === 'live' ? 'filled' : 'light'}
            leftSection={<IconEye size={16} />}
            aria-label={t('proctoring.openRoom.of', { title: exam.title })}
          >
            {t('proctoring.openRoom.label')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** `/proctoring`: the exams this actor can watch, live first, each opening its proctor room. */
export function ProctoredExamsPage() {
  const { t } = useTranslation();
  const exams = useProctoredExams();
  return (
    <>
      <PageHeader title={t('proctoring.title')} description={t('proctoring.listDescription')} />
      <QueryContent
        query={exams}
        isEmpty={(data) => data.exams.length === 0}
        empty={
          <EmptyPanel
            icon={<IconEye size={28} />}
            title={t('proctoring.emptyTitle')}
            description={t('proctoring.emptyText')}
          />
        }
      >
        {(data) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {orderExams(data.exams).map((exam) => (
              <ExamCard key={exam.examId} exam={exam} />
            ))}
          </SimpleGrid>
        )}
      </QueryContent>
    </>
  );
}
