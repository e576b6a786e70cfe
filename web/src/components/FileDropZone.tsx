import { ActionIcon, Button, FileButton, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import classes from './FileDropZone.module.css';

interface FileDropZoneProps {
  file: File | null;
  onChange: (file: File | null) => void;
  onReject: (reason: string) => void;
  /** File name endings accepted, e.g. ['.csv'] or ['.csv', '.xlsx']. */
  extensions: string[];
  /** The `accept` attribute of the file picker. */
  accept: string;
  maxBytes: number;
  /** What kind of file, for the labels: "CSV file", "spreadsheet". */
  noun: string;
  /** Why a file was refused when its type is wrong. */
  typeHint: string;
  /** The limits, shown under the button. */
  limits: string;
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Drag-and-drop or pick one file, checked for type and size before anything is uploaded. */
export function FileDropZone({
  file,
  onChange,
  onReject,
  extensions,
  accept,
  maxBytes,
  noun,
  typeHint,
  limits,
}: FileDropZoneProps) {
  const [dragging, setDragging] = useState(false);

  const acceptFile = (picked: File | null) => {
    if (!picked) return;
    const name = picked.name.toLowerCase();
    if (!extensions.some((extension) => name.endsWith(extension))) return onReject(typeHint);
    if (picked.size > maxBytes)
      return onReject(`The file is larger than ${formatSize(maxBytes)}. Split it into smaller files.`);
    onChange(picked);
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    acceptFile(event.dataTransfer.files[0] ?? null);
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
        <Text fw={600}>Drop your {noun} here</Text>
        <Text size="sm" c="dimmed">
          or
        </Text>
        <FileButton onChange={acceptFile} accept={accept}>
          {(props) => (
            <Button variant="light" {...props}>
              Choose {noun}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {limits}
        </Text>
      </Stack>
    </div>
  );
}
