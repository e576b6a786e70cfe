import { Avatar, Badge, Group, Table, Text } from '@mantine/core';
import { ActiveBadge, RoleBadge } from '../../components/Badges';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDate, initials } from '../../lib/format';
import type { User } from '../../lib/types';
import { useBatches } from '../batches/api';
import { UserRowActions } from './UserRowActions';

interface UserTableProps {
  users: User[];
  kind: 'student' | 'staff';
  canManage: boolean;
  /** Proctors may not manage students but may lift a sign-in lockout on exam morning. */
  canUnlockSignIn?: boolean;
}

export function UserTable({ users, kind, canManage, canUnlockSignIn = canManage }: UserTableProps) {
  const hasActions = canManage || canUnlockSignIn;
  const isStudent = kind === 'student';
  // Archived batches included so a student's old batch still shows its name.
  const batches = useBatches(true);
  const batchCode = new Map((batches.data ?? []).map((batch) => [batch.id, batch.code]));

  return (
    <ScrollTable
      minWidth={680}
      head={
        <>
          <Table.Th>Name</Table.Th>
          {isStudent ? <Table.Th>Roll no.</Table.Th> : <Table.Th>Role</Table.Th>}
          {isStudent ? <Table.Th>Batches</Table.Th> : <Table.Th>Phone</Table.Th>}
          <Table.Th>Status</Table.Th>
          <Table.Th>Added</Table.Th>
          {hasActions && <Table.Th aria-label="Actions" />}
        </>
      }
    >
      {users.map((user) => (
        <Table.Tr key={user.id}>
          <Table.Td>
            <Group gap="sm" wrap="nowrap">
              <Avatar size={32} radius="xl" color={user.active ? 'indigo' : 'gray'} aria-hidden>
                {initials(user.name)}
              </Avatar>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} lineClamp={1}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {user.email}
                </Text>
              </div>
            </Group>
          </Table.Td>
          {isStudent ? (
            <Table.Td>{user.rollNumber ?? '—'}</Table.Td>
          ) : (
            <Table.Td>{<RoleBadge role={user.role} />}</Table.Td>
          )}
          {isStudent ? (
            <Table.Td>
              <Group gap={4}>
                {user.batchIds.length === 0 && (
                  <Text size="sm" c="dimmed">
                    None
                  </Text>
                )}
                {user.batchIds.map((id) => (
                  <Badge key={id} variant="light" color="gray" tt="none" radius="sm">
                    {batchCode.get(id) ?? '…'}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
          ) : (
            <Table.Td>{user.phone ?? '—'}</Table.Td>
          )}
          <Table.Td>
            <ActiveBadge active={user.active} />
          </Table.Td>
          <Table.Td>
            <Text size="sm" c="dimmed">
              {formatDate(user.createdAt)}
            </Text>
          </Table.Td>
          {hasActions && (
            <Table.Td ta="right">
              <UserRowActions user={user} canManage={canManage} />
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}
