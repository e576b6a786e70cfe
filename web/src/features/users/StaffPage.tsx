import { Button, Group, Pagination, SegmentedControl, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSchool } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import type { StaffRole } from '../../lib/types';
import { useUsers } from './api';
import { CreateUserModal } from './CreateUserModal';
import { UserTable } from './UserTable';

const pageSize = 25;
const roleTabs: { value: StaffRole; label: string; one: string }[] = [
  { value: 'teacher', label: 'Teachers', one: 'teacher' },
  { value: 'proctor', label: 'Proctors', one: 'proctor' },
  { value: 'institute_admin', label: 'Admins', one: 'admin' },
];

export function StaffPage() {
  const [role, setRole] = useState<StaffRole>('teacher');
  const [page, setPage] = useState(1);
  const [createOpened, createModal] = useDisclosure();
  const staff = useUsers({ role, includeInactive: true, page, pageSize });
  const totalPages = Math.max(1, Math.ceil((staff.data?.total ?? 0) / pageSize));
  const tab = roleTabs.find((candidate) => candidate.value === role) ?? roleTabs[0];
  const roleLabel = tab?.label.toLowerCase() ?? 'staff';

  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
      Add staff member
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Staff"
        description="Teachers, proctors and admins of your institute."
        actions={addButton}
      />
      <SegmentedControl
        mb="md"
        aria-label="Staff role"
        value={role}
        onChange={(value) => {
          setRole(value);
          setPage(1);
        }}
        data={roleTabs.map(({ value, label }) => ({ value, label }))}
      />
      <QueryContent
        query={staff}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyPanel
            icon={<IconSchool size={28} />}
            title={`No ${roleLabel} yet`}
            description="Add a staff member and share the temporary password with them."
            action={addButton}
          />
        }
      >
        {(data) => (
          <>
            <UserTable users={data.items} kind="staff" canManage />
            <Group justify="space-between" mt="md">
              <Text size="sm" c="dimmed">
                {data.total} {data.total === 1 ? tab?.one : roleLabel}
              </Text>
              {totalPages > 1 && <Pagination total={totalPages} value={page} onChange={setPage} size="sm" />}
            </Group>
          </>
        )}
      </QueryContent>
      <CreateUserModal kind="staff" opened={createOpened} onClose={createModal.close} />
    </>
  );
}
