import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, TableSkeleton } from '../../components/QueryStates';
import type { QuestionImport } from '../../lib/types';
import { isImportBusy, useQuestionImport } from './api';
import { ImportProgress } from './ImportProgress';
import { ImportReview } from './ImportReview';
import { ImportUploadForm } from './ImportUploadForm';

/** Upload → progress → review → commit → done. The import id lives in the URL, so a reload resumes it. */
export function QuestionImportPage() {
  const [params, setParams] = useSearchParams();
  const importId = params.get('id');
  const view = useQuestionImport(importId);
  const restart = () => void setParams({});

  return (
    <>
      <PageHeader
        title="Import questions"
        description="Bring a spreadsheet of questions into the bank: every row is checked first, then all are added at once."
      />
      {importId === null ? (
        <ImportUploadForm onStarted={(id) => void setParams({ id })} />
      ) : view.isPending ? (
        <TableSkeleton rows={3} />
      ) : view.isError ? (
        <LoadError error={view.error} onRetry={() => void view.refetch()} />
      ) : (
        <ImportState view={view.data} onRestart={restart} />
      )}
    </>
  );
}

function ImportState({ view, onRestart }: { view: QuestionImport; onRestart: () => void }) {
  if (isImportBusy(view.status)) return <ImportProgress view={view} />;
  switch (view.status) {
    case 'committed':
      return (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Import complete">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              {view.committedCount.toLocaleString('en-IN')} question
              {view.committedCount === 1 ? ' was' : 's were'} added to the bank from {view.fileName}.
            </Text>
            <Group gap="sm">
              <Button component={Link} to="/questions" size="xs">
                Open the question bank
              </Button>
              <Button size="xs" variant="default" onClick={onRestart}>
                Import another file
              </Button>
            </Group>
          </Stack>
        </Alert>
      );
    case 'failed':
      return (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="The import failed; nothing was added"
          role="alert"
        >
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{view.errors[0]?.message ?? 'The server could not finish the import.'}</Text>
            <Button size="xs" color="red" variant="white" onClick={onRestart}>
              Fix the file and upload again
            </Button>
          </Stack>
        </Alert>
      );
    case 'ready':
    case 'invalid':
    case 'validating':
    case 'committing':
      return <ImportReview view={view} onRestart={onRestart} />;
  }
}
