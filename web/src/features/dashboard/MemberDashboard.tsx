import { Divider, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyPanel } from '../../components/EmptyPanel';
import { RoleBadge } from '../../components/Badges';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import type { User } from '../../lib/types';
import { useCurrentUser } from '../auth/session';
import { useBatches } from '../batches/api';
import { BatchCards } from './BatchCards';
import { StudentDashboard } from './StudentDashboard';

/** Dashboard for students (StudentDashboard: exams, results, progress), teachers and proctors: who they are and their batches. */
export function MemberDashboard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const batches = useBatches();
  const isStudent = user.role === 'student';

  const batchList = (
    <Stack gap="sm">
      <Title order={2} fz="h4">
        {t('dashboard.yourBatches')}
      </Title>
      <QueryContent
        query={batches}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyPanel
            icon={<IconUsersGroup size={28} />}
            title={t('dashboard.noBatch')}
            description={isStudent ? t('dashboard.noBatchStudent') : t('dashboard.noBatchStaff')}
          />
        }
      >
        {(items) => <BatchCards batches={items} linked={!isStudent} />}
      </QueryContent>
    </Stack>
  );

  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: user.name })} description={user.institute?.name} />
      {isStudent ? (
        <StudentDashboard profile={<ProfileCard user={user} />} batches={batchList} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <ProfileCard user={user} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>{batchList}</Grid.Col>
        </Grid>
      )}
    </>
  );
}

function ProfileCard({ user }: { user: User }) {
  const { t } = useTranslation();
  const contact: [string, string | null][] = [
    [t('dashboard.email'), user.email],
    [t('dashboard.phone'), user.phone],
  ];
  const rows: [string, string | null][] =
    user.role === 'student' ? [[t('dashboard.rollNumber'), user.rollNumber], ...contact] : contact;
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t('dashboard.profile')}
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
