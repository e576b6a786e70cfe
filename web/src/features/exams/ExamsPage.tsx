import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import { ScrollTable } from '../../components/ScrollTable';
import { useExams, useExamTemplates } from './api';
import { ExamStatusBadge } from './ExamStatusBadge';
import { statusLabels } from './labels';
import { formatDateTime, formatMinutes } from './time-format';
import { NewExamModal } from './NewExamModal';
import { PracticeSettingsCard } from './PracticeSettingsCard';
import { EXAM_STATUSES, type ExamStatus, type ExamSummary } from './types';

const statusFilters = [
  { value: 'all', label: 'All' },
  ...EXAM_STATUSES.map((status) => ({ value: status, label: statusLabels[status] })),
];

export function ExamsPage() {
  const [status, setStatus] = useState<ExamStatus | null>(null);
  const [createOpened, createModal] = useDisclosure();
  const navigate = useNavigate();
  const exams = useExams(status);

  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
      New exam
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Exams"
        description="Mock tests built from your question bank, published and scheduled for batches."
        actions={createButton}
      />
      <Stack gap="lg">
        <div>
          <SegmentedControl
            mb="sm"
            size="xs"
            aria-label="Filter by status"
            data={statusFilters}
            value={status ?? 'all'}
            onChange={(value) => setStatus(value === 'all' ? null : (value as ExamStatus))}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
          <QueryContent
            query={exams}
            isEmpty={(items) => items.length === 0}
            empty={
              <EmptyPanel
                icon={<IconFileText size={28} />}
                title={status ? `No ${statusLabels[status].toLowerCase()} exams` : 'No exams yet'}
                description="Start from a pattern such as JEE Main or NEET, or build your own paper section by section."
                action={status ? undefined : createButton}
              />
            }
          >
            {(items) => <ExamTable exams={items} />}
          </QueryContent>
        </div>
        <PracticeSettingsCard />
      </Stack>
      <NewExamModal
        opened={createOpened}
        onClose={createModal.close}
        onCreated={(exam) => void navigate(`/exams/${exam.id}`)}
      />
    </>
  );
}

function ExamTable({ exams }: { exams: ExamSummary[] }) {
  const { t } = useTranslation();
  const templates = useExamTemplates();
  const templateName = (exam: ExamSummary) =>
    exam.templateId === null
      ? 'Custom'
      : (templates.data?.find((t) => t.id === exam.templateId && t.version === exam.templateVersion)?.name ??
        exam.templateId);

  return (
    <ScrollTable
      minWidth={860}
      aria-label="Exams"
      head={
        <>
          <Table.Th>Exam</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Template</Table.Th>
          <Table.Th>Questions</Table.Th>
          <Table.Th>Marks</Table.Th>
          <Table.Th>Duration</Table.Th>
          <Table.Th>Schedule</Table.Th>
        </>
      }
    >
      {exams.map((exam) => (
        <Table.Tr key={exam.id}>
          <Table.Td>
            <Anchor component={Link} to={`/exams/${exam.id}`} fw={600} size="sm">
              {exam.title}
            </Anchor>
            {exam.schedule && (
              <Anchor component={Link} to={`/exams/${exam.id}/results`} size="xs" display="block">
                {t('results.open')}
              </Anchor>
            )}
          </Table.Td>
          <Table.Td>
            <ExamStatusBadge status={exam.status} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">{templateName(exam)}</Text>
          </Table.Td>
          <Table.Td>{exam.questionCount}</Table.Td>
          <Table.Td>{exam.totalMarks ?? '—'}</Table.Td>
          <Table.Td>{formatMinutes(exam.durationMinutes)}</Table.Td>
          <Table.Td>
            {exam.schedule ? (
              <Group gap={4} wrap="nowrap">
                <Text size="sm">{formatDateTime(exam.schedule.startsAt)}</Text>
                {exam.schedule.mode === 'window' && exam.schedule.windowEndsAt && (
                  <Text size="sm" c="dimmed">
                    – {formatDateTime(exam.schedule.windowEndsAt)}
                  </Text>
                )}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                Not scheduled
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}
