import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCopy,
  IconDownload,
  IconFileImport,
  IconRowInsertBottom,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ScrollTable } from '../../components/ScrollTable';
import { notifyError } from '../../lib/notify';
import type { QuestionImport } from '../../lib/types';
import { StatCard } from '../dashboard/StatCard';
import { typeLabels } from '../question-bank/labels';
import { errorReportUrl, useCommitImport } from './api';

const plural = (count: number, noun: string) =>
  `${count.toLocaleString('en-IN')} ${noun}${count === 1 ? '' : 's'}`;

/** Step 3: what the check found, and the one button that imports every valid row at once. */
export function ImportReview({ view, onRestart }: { view: QuestionImport; onRestart: () => void }) {
  const [duplicates, setDuplicates] = useState<'skip' | 'import'>('skip');
  const commit = useCommitImport();
  const { summary } = view;
  const isReady = view.status === 'ready';
  const importCount = summary.valid - (duplicates === 'skip' ? summary.duplicates : 0);
  const byType = Object.entries(summary.byType).filter(([, count]) => (count ?? 0) > 0);

  const runCommit = () =>
    commit.mutate(
      { id: view.id, duplicates },
      { onError: (error) => notifyError(error, 'The import did not start') },
    );

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <StatCard
          label="Rows"
          value={view.totalRows.toLocaleString('en-IN')}
          icon={<IconRowInsertBottom size={22} />}
          color="indigo"
        />
        <StatCard
          label="Valid"
          value={summary.valid.toLocaleString('en-IN')}
          icon={<IconCircleCheck size={22} />}
          color="teal"
        />
        <StatCard
          label="With errors"
          value={summary.invalid.toLocaleString('en-IN')}
          icon={<IconAlertTriangle size={22} />}
          color="red"
        />
        <StatCard
          label="Duplicates"
          value={summary.duplicates.toLocaleString('en-IN')}
          icon={<IconCopy size={22} />}
          color="yellow"
        />
      </SimpleGrid>
      {byType.length > 0 && (
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            By type:
          </Text>
          {byType.map(([type, count]) => (
            <Badge key={type} variant="light" tt="none">
              {typeLabels[type as keyof typeof typeLabels] ?? type}: {count}
            </Badge>
          ))}
        </Group>
      )}
      {summary.missingSyllabus.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          title="Not in your syllabus yet"
          icon={<IconAlertTriangle size={18} />}
        >
          <List size="sm">
            {summary.missingSyllabus.map((entry) => (
              <List.Item key={`${entry.subject}/${entry.chapter}/${entry.topic}`}>
                {entry.subject} › {entry.chapter} › {entry.topic}
              </List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            Upload again with “Create missing subjects, chapters and topics”, or add them on the Syllabus
            page.
          </Text>
        </Alert>
      )}
      {view.errors.length > 0 && (
        <Stack gap="sm">
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title="Nothing was imported"
            role="alert"
          >
            <Group justify="space-between" align="flex-end">
              <Text size="sm">
                {plural(summary.invalid, 'row')} {summary.invalid === 1 ? 'has' : 'have'} problems. Fix them
                in your file and upload it again — the import runs only when every row is valid.
              </Text>
              <Button
                component="a"
                href={errorReportUrl(view.id)}
                download
                size="xs"
                color="red"
                variant="white"
                leftSection={<IconDownload size={14} />}
              >
                Download error report
              </Button>
            </Group>
          </Alert>
          <ScrollTable
            minWidth={560}
            maxHeight={420}
            aria-label="Import errors"
            head={
              <>
                <Table.Th w={70}>Row</Table.Th>
                <Table.Th w={160}>Column</Table.Th>
                <Table.Th>Problem</Table.Th>
              </>
            }
          >
            {view.errors.map((error, index) => (
              <Table.Tr key={`${error.row}-${error.column}-${index}`}>
                <Table.Td fw={600}>{error.row}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {error.column || '—'}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'normal' }}>
                  <Text size="sm" c="red.8">
                    {error.message}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </ScrollTable>
        </Stack>
      )}
      {view.duplicates.length > 0 && (
        <Paper withBorder radius="md" p="lg">
          <Title order={3} fz="h5" mb="xs">
            Already in the bank
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            These rows have the same text as existing questions.
          </Text>
          <ScrollTable
            minWidth={480}
            maxHeight={300}
            aria-label="Duplicate rows"
            head={
              <>
                <Table.Th w={70}>Row</Table.Th>
                <Table.Th>Existing question</Table.Th>
              </>
            }
          >
            {view.duplicates.map((duplicate) => (
              <Table.Tr key={duplicate.row}>
                <Table.Td fw={600}>{duplicate.row}</Table.Td>
                <Table.Td style={{ whiteSpace: 'normal' }}>
                  <Text
                    component={Link}
                    to={`/questions/${duplicate.existingQuestionId}`}
                    size="sm"
                    c="indigo.7"
                    lineClamp={2}
                  >
                    {duplicate.stemPreview}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </ScrollTable>
          <Radio.Group
            label="Duplicates"
            value={duplicates}
            onChange={(value) => setDuplicates(value === 'import' ? 'import' : 'skip')}
            mt="md"
          >
            <Group mt={4}>
              <Radio value="skip" label="Skip them" />
              <Radio value="import" label="Import them as new questions" />
            </Group>
          </Radio.Group>
        </Paper>
      )}
      {isReady && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Every row is valid">
          {plural(importCount, 'question')} will be added in one step: all of them or none.
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onRestart}>
          {isReady ? 'Upload a different file' : 'Fix the file and upload again'}
        </Button>
        {isReady && (
          <Button
            leftSection={<IconFileImport size={16} />}
            onClick={runCommit}
            loading={commit.isPending}
            disabled={importCount <= 0}
          >
            Import {plural(importCount, 'question')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
