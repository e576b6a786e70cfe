import { Anchor, Badge, Button, Group, Switch, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDate } from '../../lib/format';
import type { Batch } from '../../lib/types';
import { useCurrentUser } from '../auth/session';
import { useBatches } from './api';
import { ArchiveBatchButton } from './ArchiveBatchButton';
import { CreateBatchModal } from './CreateBatchModal';

export function BatchesPage() {
  const user = useCurrentUser();
  const isAdmin = user.role === 'institute_admin';
  const [showArchived, setShowArchived] = useState(false);
  const [createOpened, createModal] = useDisclosure();
  const navigate = useNavigate();
  const batches = useBatches(showArchived);

  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
      Create batch
    </Button>
  );

  return (
    <>
      <PageHeader
        title={isAdmin ? 'Batches' : 'My batches'}
        description={
          isAdmin
            ? 'Classes of students, with the teachers and proctors who run them.'
            : 'The batches you teach or invigilate.'
        }
        actions={isAdmin && createButton}
      />
      {isAdmin && (
        <Group justify="flex-end" mb="sm">
          <Switch
            label="Show archived batches"
            checked={showArchived}
            onChange={(event) => setShowArchived(event.currentTarget.checked)}
          />
        </Group>
      )}
      <QueryContent
        query={batches}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyPanel
            icon={<IconUsersGroup size={28} />}
            title={isAdmin ? 'No batches yet' : 'You are not assigned to a batch yet'}
            description={
              isAdmin
                ? 'Create a batch, then add students to it or import them from a spreadsheet.'
                : 'Your institute admin assigns teachers and proctors to batches.'
            }
            action={isAdmin && createButton}
          />
        }
      >
        {(items) => <BatchTable batches={items} canManage={isAdmin} />}
      </QueryContent>
      {isAdmin && (
        <CreateBatchModal
          opened={createOpened}
          onClose={createModal.close}
          onCreated={(batch) => void navigate(`/batches/${batch.id}`)}
        />
      )}
    </>
  );
}

function BatchTable({ batches, canManage }: { batches: Batch[]; canManage: boolean }) {
  return (
    <ScrollTable
      minWidth={640}
      head={
        <>
          <Table.Th>Batch</Table.Th>
          <Table.Th>Code</Table.Th>
          <Table.Th>Students</Table.Th>
          <Table.Th>Staff</Table.Th>
          <Table.Th>Created</Table.Th>
          {canManage && <Table.Th aria-label="Actions" />}
        </>
      }
    >
      {batches.map((batch) => (
        <Table.Tr key={batch.id}>
          <Table.Td>
            <Group gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/batches/${batch.id}`} fw={600} size="sm">
                {batch.name}
              </Anchor>
              {batch.archived && (
                <Badge size="xs" color="gray" variant="light">
                  Archived
                </Badge>
              )}
            </Group>
            {batch.description && (
              <Text size="xs" c="dimmed" lineClamp={1} maw={320} style={{ whiteSpace: 'normal' }}>
                {batch.description}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Badge variant="outline" color="gray" tt="none" radius="sm">
              {batch.code}
            </Badge>
          </Table.Td>
          <Table.Td>{batch.studentCount}</Table.Td>
          <Table.Td>
            <Text size="sm" c={batch.staff.length ? undefined : 'dimmed'} lineClamp={1}>
              {batch.staff.length ? batch.staff.map((member) => member.name).join(', ') : 'Not assigned'}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" c="dimmed">
              {formatDate(batch.createdAt)}
            </Text>
          </Table.Td>
          {canManage && (
            <Table.Td ta="right">
              <ArchiveBatchButton batch={batch} />
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}
