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
  IconFileImport,
  IconRowInsertBottom,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DownloadButton } from '../../components/DownloadButton';
import { MathMarkdown } from '../../components/MathMarkdown';
import { ImportErrorReport } from '../../components/ImportErrorReport';
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
  const stats: [string, number, ReactNode, string][] = [
    ['Rows', view.totalRows, <IconRowInsertBottom key="rows" size={22} />, 'indigo'],
    ['Valid', summary.valid, <IconCircleCheck key="valid" size={22} />, 'teal'],
    ['With errors', summary.invalid, <IconAlertTriangle key="invalid" size={22} />, 'red'],
    ['Duplicates', summary.duplicates, <IconCopy key="duplicates" size={22} />, 'yellow'],
  ];
  const byType = Object.entries(summary.byType).filter(([, count]) => (count ?? 0) > 0);

  const runCommit = () =>
    commit.mutate(
      { id: view.id, duplicates },
      { onError: (error) => notifyError(error, 'The import did not start') },
    );

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        {stats.map(([label, value, icon, color]) => (
          <StatCard
            key={label}
            label={label}
            value={value.toLocaleString('en-IN')}
            icon={icon}
            color={color}
          />
        ))}
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
        <div>
          <ImportErrorReport
            errors={view.errors}
            description={`${plural(summary.invalid, 'row')} ${summary.invalid === 1 ? 'has' : 'have'} problems. Fix them in your file and upload it again — the import runs only when every row is valid.`}
            download={
              <DownloadButton href={errorReportUrl(view.id)} size="xs" color="red" variant="white">
                Download error report
              </DownloadButton>
            }
          />
        </div>
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
                    <MathMarkdown inline>{duplicate.stemPreview}</MathMarkdown>
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
