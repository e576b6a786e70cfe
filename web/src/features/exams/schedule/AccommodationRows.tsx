import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useStudentSearch } from './useStudentSearch';

export interface AccommodationRow {
  key: string;
  userId: string | null;
  minutesPerHour: number | string;
}

/** Compensatory time per candidate, e.g. 20 minutes per hour for a candidate with a benchmark disability. */
export function AccommodationRows({
  knownNames,
  rows,
  onChange,
  disabled,
}: {
  knownNames: Record<string, string>;
  rows: AccommodationRow[];
  onChange: (rows: AccommodationRow[]) => void;
  disabled: boolean;
}) {
  const students = useStudentSearch(knownNames);
  const change = (key: string, patch: Partial<AccommodationRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No compensatory time set.
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={row.key} gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label={index === 0 ? 'Student' : undefined}
            aria-label={`Student ${index + 1}`}
            placeholder="Search by name or roll number"
            searchable
            data={students.options(row.userId ? [row.userId] : [])}
            onSearchChange={students.setSearch}
            value={row.userId}
            onChange={(userId) => change(row.key, { userId })}
            disabled={disabled}
            style={{ flex: 1 }}
          />
          <NumberInput
            label={index === 0 ? 'Extra minutes per hour' : undefined}
            aria-label={`Extra minutes per hour for student ${index + 1}`}
            min={1}
            max={60}
            value={row.minutesPerHour}
            onChange={(minutesPerHour) => change(row.key, { minutesPerHour })}
            disabled={disabled}
            w={160}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove accommodation ${index + 1}`}
            onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
            disabled={disabled}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          disabled={disabled}
          onClick={() => onChange([...rows, { key: crypto.randomUUID(), userId: null, minutesPerHour: 20 }])}
        >
          Add compensatory time
        </Button>
      </Group>
    </Stack>
  );
}
