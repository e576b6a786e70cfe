import { Alert, Button, Code, Group, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { ScrollTable } from '../../components/ScrollTable';
import { downloadCsv } from '../../lib/csv';
import type { ImportedStudent } from '../../lib/types';

export function ImportedAccounts({ created }: { created: ImportedStudent[] }) {
  const download = () =>
    downloadCsv(
      'imported-students-passwords.csv',
      ['name', 'email', 'temporary_password'],
      created.map((student) => [student.name, student.email, student.temporaryPassword]),
    );

  return (
    <>
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck size={18} />}
        title={`${created.length} students imported`}
        mb="md"
      >
        <Group justify="space-between" align="flex-end">
          <Text size="sm">
            Download the sign-in details now and share them with the students; the temporary passwords are not
            shown again. Each student chooses a new password at first sign-in.
          </Text>
          <Button size="xs" color="teal" leftSection={<IconDownload size={14} />} onClick={download}>
            Download passwords CSV
          </Button>
        </Group>
      </Alert>
      <ScrollTable
        minWidth={560}
        maxHeight={480}
        aria-label="Imported students"
        head={
          <>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Temporary password</Table.Th>
          </>
        }
      >
        {created.map((student) => (
          <Table.Tr key={student.email}>
            <Table.Td>{student.name}</Table.Td>
            <Table.Td>{student.email}</Table.Td>
            <Table.Td>
              <Code>{student.temporaryPassword}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </ScrollTable>
    </>
  );
}
