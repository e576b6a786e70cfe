import { Divider, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { RoleBadge } from '../../components/Badges';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import type { User } from '../../lib/types';
import { useCurrentUser } from '../auth/session';
import { useBatches } from '../batches/api';
import { UpcomingExamsCard } from '../exams/UpcomingExamsCard';
import { PracticeShortcutCard } from '../practice/PracticeShortcutCard';
import { BatchCards } from './BatchCards';

/** Dashboard for students, teachers and proctors: who they are and which batches they belong to. */
export function MemberDashboard() {
  const user = useCurrentUser();
  const batches = useBatches();
  const isStudent = user.role === 'student';

  return (
    <>
      <PageHeader title={`Welcome, ${user.name}`} description={user.institute?.name} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <ProfileCard user={user} />
            {isStudent && <PracticeShortcutCard />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            {isStudent && <UpcomingExamsCard />}
            <Title order={2} fz="h4">
              Your batches
            </Title>
            <QueryContent
              query={batches}
              isEmpty={(items) => items.length === 0}
              empty={
                <EmptyPanel
                  icon={<IconUsersGroup size={28} />}
                  title="No batch yet"
                  description={
                    isStudent
                      ? 'Your institute will add you to a batch soon.'
                      : 'Your institute admin assigns staff to batches.'
                  }
                />
              }
            >
              {(items) => <BatchCards batches={items} linked={!isStudent} />}
            </QueryContent>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function ProfileCard({ user }: { user: User }) {
  const rows: [string, string | null][] =
    user.role === 'student'
      ? [
          ['Roll number', user.rollNumber],
          ['Email', user.email],
          ['Phone', user.phone],
        ]
      : [
          ['Email', user.email],
          ['Phone', user.phone],
        ];
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          Profile
        </Title>
        <RoleBadge role={user.role} />
      </Group>
      <Divider mb="sm" />
      <Stack gap="sm">
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {label}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {value ?? '—'}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
