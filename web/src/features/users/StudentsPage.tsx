import { Button, Group, Pagination, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import { useCurrentUser } from '../auth/session';
import { useBatchOptions } from '../batches/api';
import { useUsers } from './api';
import { CreateUserModal } from './CreateUserModal';
import { UserTable } from './UserTable';

const pageSize = 25;

export function StudentsPage() {
  const me = useCurrentUser();
  const isAdmin = me.role === 'institute_admin';
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [createOpened, createModal] = useDisclosure();
  const batchOptions = useBatchOptions();
  const students = useUsers({
    role: 'student',
    q,
    batchId: batchId ?? undefined,
    includeInactive: isAdmin,
    page,
    pageSize,
  });
  const filtered = q !== '' || batchId !== null;
  const totalPages = Math.max(1, Math.ceil((students.data?.total ?? 0) / pageSize));

  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
      Add student
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Students"
        description={
          isAdmin ? 'Everyone enrolled at your institute.' : 'Students of the batches you are assigned to.'
        }
        actions={
          isAdmin && (
            <>
              <Button
                component={Link}
                to="/students/import"
                variant="default"
                leftSection={<IconFileImport size={16} />}
              >
                Import CSV
              </Button>
              {addButton}
            </>
          )
        }
      />
      <Group mb="md" gap="sm" grow preventGrowOverflow={false}>
        <TextInput
          label="Search students"
          placeholder="Name, email or roll number"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          miw={220}
        />
        <Select
          label="Batch"
          placeholder="All batches"
          data={batchOptions.options}
          value={batchId}
          onChange={(value) => {
            setBatchId(value);
            setPage(1);
          }}
          clearable
          searchable
          miw={200}
        />
      </Group>
      <QueryContent
        query={students}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyPanel
            icon={<IconUsers size={28} />}
            title={filtered ? 'No students match' : 'No students yet'}
            description={
              filtered
                ? 'Try another name or batch.'
                : isAdmin
                  ? 'Add students one by one or import a whole class from a CSV file.'
                  : 'Students appear here once they are added to your batches.'
            }
            action={!filtered && isAdmin && addButton}
          />
        }
      >
        {(data) => (
          <>
            <UserTable
              users={data.items}
              kind="student"
              canManage={isAdmin}
              canUnlockSignIn={isAdmin || me.role === 'proctor'}
            />
            <Group justify="space-between" mt="md">
              <Text size="sm" c="dimmed">
                {data.total} student{data.total === 1 ? '' : 's'}
              </Text>
              {totalPages > 1 && <Pagination total={totalPages} value={page} onChange={setPage} size="sm" />}
            </Group>
          </>
        )}
      </QueryContent>
      {isAdmin && <CreateUserModal kind="student" opened={createOpened} onClose={createModal.close} />}
    </>
  );
}
