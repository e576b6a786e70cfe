import { ActionIcon, Button, FileButton, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import classes from './CsvDropZone.module.css';

const maxBytes = 5 * 1024 * 1024;

interface CsvDropZoneProps {
  file: File | null;
  onChange: (file: File | null) => void;
  onReject: (reason: string) => void;
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function CsvDropZone({ file, onChange, onReject }: CsvDropZoneProps) {
  const [dragging, setDragging] = useState(false);

  const accept = (picked: File | null) => {
    if (!picked) return;
    if (!/\.csv$/i.test(picked.name))
      return onReject('Choose a .csv file (save your spreadsheet as “CSV UTF-8”).');
    if (picked.size > maxBytes) return onReject('The file is larger than 5 MB. Split it into smaller files.');
    onChange(picked);
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    accept(event.dataTransfer.files[0] ?? null);
  };

  if (file) {
    return (
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" wrap="nowrap">
          <Group wrap="nowrap" gap="sm" style={{ minWidth: 0 }}>
            <ThemeIcon variant="light" color="teal" size={40} radius="md" aria-hidden>
              <IconFileSpreadsheet size={22} />
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text fw={600} size="sm" lineClamp={1}>
                {file.name}
              </Text>
              <Text size="xs" c="dimmed">
                {formatSize(file.size)}
              </Text>
            </div>
          </Group>
          <ActionIcon variant="subtle" color="gray" onClick={() => onChange(null)} aria-label="Remove file">
            <IconX size={18} />
          </ActionIcon>
        </Group>
      </Paper>
    );
  }

  return (
    <div
      className={classes.zone}
      data-dragging={dragging || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <Stack align="center" gap="xs">
        <ThemeIcon variant="light" size={48} radius="xl" aria-hidden>
          <IconUpload size={24} />
        </ThemeIcon>
        <Text fw={600}>Drop your CSV file here</Text>
        <Text size="sm" c="dimmed">
          or
        </Text>
        <FileButton onChange={accept} accept=".csv,text/csv">
          {(props) => (
            <Button variant="light" {...props}>
              Choose CSV file
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          Up to 5,000 students and 5 MB per file
        </Text>
      </Stack>
    </div>
  );
}
