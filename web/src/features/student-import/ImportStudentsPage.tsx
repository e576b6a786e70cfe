import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconFileCheck, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { DownloadButton } from '../../components/DownloadButton';
import { FileDropZone } from '../../components/FileDropZone';
import { PageHeader } from '../../components/PageHeader';
import { TemplateStepCard } from '../../components/TemplateStepCard';
import { notifyError, notifySuccess } from '../../lib/notify';
import { templateUrl, useStudentImport, type ImportOutcome } from './api';
import { ImportedAccounts } from './ImportedAccounts';
import { ImportErrors } from './ImportErrors';

export function ImportStudentsPage() {
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const studentImport = useStudentImport();
  const running = studentImport.isPending ? studentImport.variables.dryRun : null;

  const chooseFile = (next: File | null) => {
    setFile(next);
    setOutcome(null);
  };

  const run = (dryRun: boolean) => {
    if (!file) return;
    studentImport.mutate(
      { file, dryRun },
      {
        onSuccess: (result) => {
          setOutcome(result);
          if (result.kind === 'imported') {
            notifySuccess(`${result.created.length} students can now sign in`, 'Import complete');
            setFile(null);
          }
        },
        onError: (error) => notifyError(error, 'The file could not be checked'),
      },
    );
  };

  return (
    <>
      <PageHeader
        title="Import students"
        description="Add a whole class at once from a spreadsheet saved as CSV."
      />
      <Stack gap="lg">
        <TemplateStepCard
          hints={[
            'Columns: name, email, roll_number, phone, batch_codes, password',
            'Separate several batch codes with “;” (for example JEE27-A;JEE27-TEST)',
            'Leave password empty to generate a temporary one',
          ]}
          downloads={<DownloadButton href={templateUrl}>Download template</DownloadButton>}
        />
        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="h4" mb="sm">
            2. Upload and validate
          </Title>
          <FileDropZone
            file={file}
            onChange={chooseFile}
            extensions={['.csv']}
            accept=".csv,text/csv"
            maxBytes={5 * 1024 * 1024}
            noun="CSV file"
            typeHint="Choose a .csv file (save your spreadsheet as “CSV UTF-8”)."
            limits="Up to 5,000 students and 5 MB per file"
            onReject={(reason) => notifyError(new Error(reason), 'File not accepted')}
          />
          <Group justify="flex-end" mt="md">
            <Button
              variant="default"
              leftSection={<IconFileCheck size={16} />}
              disabled={!file || running === false}
              loading={running === true}
              onClick={() => run(true)}
            >
              Validate
            </Button>
            <Button
              leftSection={<IconFileImport size={16} />}
              disabled={!file || outcome?.kind !== 'validated' || running === true}
              loading={running === false}
              onClick={() => run(false)}
            >
              Import{outcome?.kind === 'validated' ? ` ${outcome.rowCount} students` : ''}
            </Button>
          </Group>
          {file && !outcome && (
            <Text size="xs" c="dimmed" ta="right" mt="xs">
              Validate first: nothing is saved until every row is correct.
            </Text>
          )}
        </Paper>
        {outcome && <ImportResult outcome={outcome} fileName={file?.name ?? 'students.csv'} />}
      </Stack>
    </>
  );
}

function ImportResult({ outcome, fileName }: { outcome: ImportOutcome; fileName: string }) {
  switch (outcome.kind) {
    case 'invalid':
      return <ImportErrors fileName={fileName} rowCount={outcome.rowCount} errors={outcome.errors} />;
    case 'validated':
      return (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="All rows are valid">
          {outcome.rowCount} student{outcome.rowCount === 1 ? '' : 's'} ready to import. Press <b>Import</b>{' '}
          to create the accounts.
        </Alert>
      );
    case 'imported':
      return <ImportedAccounts created={outcome.created} />;
  }
}
