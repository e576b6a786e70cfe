import { Button, Checkbox, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileZip, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { DownloadButton } from '../../components/DownloadButton';
import { FileDropZone } from '../../components/FileDropZone';
import { TemplateStepCard } from '../../components/TemplateStepCard';
import { notifyError } from '../../lib/notify';
import { templateUrls, useStartImport } from './api';

const maxBytes = 50 * 1024 * 1024;

/** Step 1 and 2: get the template, then send the filled file (and its images) for validation. */
export function ImportUploadForm({ onStarted }: { onStarted: (importId: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [images, setImages] = useState<File | null>(null);
  const [createMissingSyllabus, setCreateMissingSyllabus] = useState(false);
  const start = useStartImport();

  const upload = () => {
    if (!file) return;
    start.mutate(
      { file, images, createMissingSyllabus },
      {
        onSuccess: ({ import: view }) => onStarted(view.id),
        onError: (error) => notifyError(error, 'The file was not accepted'),
      },
    );
  };

  return (
    <Stack gap="lg">
      <TemplateStepCard
        hints={[
          'One question per row, with a filled example of every question type',
          'English and Hindi side by side: stem_en and stem_hi, option_a_en and option_a_hi…',
          'LaTeX between $…$; images as ![alt](photo.png) from the zip, or by https:// address',
        ]}
        downloads={
          <>
            <DownloadButton href={templateUrls.csv}>CSV template</DownloadButton>
            <DownloadButton href={templateUrls.xlsx}>Excel template</DownloadButton>
          </>
        }
      />
      <Paper withBorder radius="md" p="lg">
        <Title order={2} fz="h4" mb="sm">
          2. Upload and check
        </Title>
        <Stack gap="md">
          <FileDropZone
            file={file}
            onChange={setFile}
            onReject={(reason) => notifyError(new Error(reason), 'File not accepted')}
            extensions={['.csv', '.xlsx']}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxBytes={maxBytes}
            noun="spreadsheet"
            typeHint="Choose a .csv or .xlsx file."
            limits="CSV (UTF-8) or Excel .xlsx, up to 50 MB"
          />
          <FileInput
            label="Images (optional)"
            description="A .zip of the image files your rows name, e.g. ![graph](fig-12.png)"
            placeholder="Choose a .zip file"
            accept=".zip,application/zip"
            leftSection={<IconFileZip size={16} />}
            value={images}
            onChange={setImages}
            clearable
          />
          <Checkbox
            label="Create missing subjects, chapters and topics"
            description="Otherwise rows naming a topic that is not in your syllabus are reported as errors."
            checked={createMissingSyllabus}
            onChange={(event) => setCreateMissingSyllabus(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button
              leftSection={<IconUpload size={16} />}
              disabled={!file}
              loading={start.isPending}
              onClick={upload}
            >
              Upload and check
            </Button>
          </Group>
          <Text size="xs" c="dimmed" ta="right">
            Nothing is added to the bank until you review the check and press Import.
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
