import { Badge, Button, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { RoleBadge } from '../../components/Badges';
import { notifyError, notifySuccess } from '../../lib/notify';
import { roleLabels } from '../../lib/roles';
import type { Batch } from '../../lib/types';
import { useUsers } from '../users/api';
import { useAssignBatchStaff } from './api';

export function BatchStaffCard({ batch, canManage }: { batch: Batch; canManage: boolean }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="h4" mb="sm">
        Teachers and proctors
      </Title>
      {canManage ? <StaffAssignment batch={batch} /> : <StaffList batch={batch} />}
    </Paper>
  );
}

function StaffList({ batch }: { batch: Batch }) {
  if (batch.staff.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No staff assigned yet.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {batch.staff.map((member) => (
        <Group key={member.id} justify="space-between">
          <Text size="sm">{member.name}</Text>
          <RoleBadge role={member.role} />
        </Group>
      ))}
    </Stack>
  );
}

function StaffAssignment({ batch }: { batch: Batch }) {
  const teachers = useUsers({ role: 'teacher', pageSize: 200 });
  const proctors = useUsers({ role: 'proctor', pageSize: 200 });
  const assign = useAssignBatchStaff();
  const saved = batch.staff.map((member) => member.id);
  const [selected, setSelected] = useState<string[]>(saved);
  const changed = selected.length !== saved.length || selected.some((id) => !saved.includes(id));

  const options = [
    {
      group: roleLabels.teacher + 's',
      items: (teachers.data?.items ?? []).map((user) => ({ value: user.id, label: user.name })),
    },
    {
      group: roleLabels.proctor + 's',
      items: (proctors.data?.items ?? []).map((user) => ({ value: user.id, label: user.name })),
    },
  ];

  const save = () =>
    assign.mutate(
      { id: batch.id, userIds: selected },
      {
        onSuccess: () => notifySuccess('Staff assignment saved'),
        onError: (error) => notifyError(error, 'Could not save the staff assignment'),
      },
    );

  return (
    <Stack gap="sm">
      <MultiSelect
        label="Assigned staff"
        description="Teachers and proctors who can see this batch and its students"
        placeholder={selected.length ? undefined : 'Pick teachers and proctors'}
        data={options}
        value={selected}
        onChange={setSelected}
        searchable
        clearable
        disabled={teachers.isPending || proctors.isPending}
        nothingFoundMessage="No staff with that name"
      />
      <Group justify="space-between">
        <Badge variant="light" color="gray" tt="none">
          {batch.staff.length} assigned
        </Badge>
        <Button onClick={save} disabled={!changed} loading={assign.isPending}>
          Save staff
        </Button>
      </Group>
    </Stack>
  );
}
