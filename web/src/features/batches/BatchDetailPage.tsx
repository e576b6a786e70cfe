import { Anchor, Badge, Button, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import { LoadError, TableSkeleton } from '../../components/QueryStates';
import { formatDate } from '../../lib/format';
import type { Batch } from '../../lib/types';
import { useCurrentUser } from '../auth/session';
import { useUsers } from '../users/api';
import { CreateUserModal } from '../users/CreateUserModal';
import { UserTable } from '../users/UserTable';
import { useBatch } from './api';
import { ArchiveBatchButton } from './ArchiveBatchButton';
import { BatchStaffCard } from './BatchStaffCard';

export function BatchDetailPage() {
  const { batchId = '' } = useParams();
  const batch = useBatch(batchId);
  return (
    <>
      <Anchor
        component={Link}
        to="/batches"
        size="sm"
        mb="sm"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> All batches
      </Anchor>
      {batch.isPending ? (
        <Stack>
          <Skeleton height={36} width="50%" />
          <TableSkeleton />
        </Stack>
      ) : batch.isError ? (
        <LoadError error={batch.error} onRetry={() => void batch.refetch()} />
      ) : (
        <BatchDetail batch={batch.data} />
      )}
    </>
  );
}

function BatchDetail({ batch }: { batch: Batch }) {
  const me = useCurrentUser();
  const isAdmin = me.role === 'institute_admin';
  const [addOpened, addModal] = useDisclosure();
  const students = useUsers({ role: 'student', batchId: batch.id, includeInactive: isAdmin, pageSize: 200 });

  const addButton = (
    <Button leftSection={<IconUserPlus size={16} />} onClick={addModal.open}>
      Add student
    </Button>
  );

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {batch.name}
            <Badge variant="outline" color="gray" tt="none" radius="sm" size="lg">
              {batch.code}
            </Badge>
            {batch.archived && (
              <Badge color="gray" variant="light">
                Archived
              </Badge>
            )}
          </Group>
        }
        description={[batch.description, `Created ${formatDate(batch.createdAt)}`]
          .filter(Boolean)
          .join(' · ')}
        actions={isAdmin && <ArchiveBatchButton batch={batch} />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 8 }} order={{ base: 2, xl: 1 }}>
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="h4">
              Students{' '}
              <Text span c="dimmed" inherit>
                ({batch.studentCount})
              </Text>
            </Title>
            {isAdmin && students.data?.items.length !== 0 && addButton}
          </Group>
          <QueryContent
            query={students}
            isEmpty={(data) => data.items.length === 0}
            empty={
              <EmptyPanel
                icon={<IconUsers size={28} />}
                title="No students in this batch"
                description={
                  isAdmin
                    ? 'Add a student here, or import a class from CSV with this batch code.'
                    : 'Your institute admin adds students to batches.'
                }
                action={isAdmin && addButton}
              />
            }
          >
            {(data) => <UserTable users={data.items} kind="student" canManage={isAdmin} />}
          </QueryContent>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 4 }} order={{ base: 1, xl: 2 }}>
          <BatchStaffCard
            key={batch.staff.map((member) => member.id).join()}
            batch={batch}
            canManage={isAdmin}
          />
        </Grid.Col>
      </Grid>
      {isAdmin && (
        <CreateUserModal kind="student" opened={addOpened} onClose={addModal.close} batchIds={[batch.id]} />
      )}
    </>
  );
}
