import { Button, Group, Paper, SimpleGrid, Skeleton, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconFileImport,
  IconSchool,
  IconShieldCheck,
  IconUserPlus,
  IconUserShield,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/QueryStates';
import { useCurrentUser } from '../auth/session';
import { useInstituteOverview } from './api';
import { StatCard } from './StatCard';

const shortcuts: { title: string; text: string; to: string; icon: Icon }[] = [
  {
    title: 'Create a batch',
    text: 'Group students by course and timing.',
    to: '/batches',
    icon: IconUsersGroup,
  },
  {
    title: 'Add a student',
    text: 'Enrol one student and share their login.',
    to: '/students',
    icon: IconUserPlus,
  },
  {
    title: 'Import students',
    text: 'Upload a whole class from a CSV file.',
    to: '/students/import',
    icon: IconFileImport,
  },
];

export function AdminDashboard() {
  const user = useCurrentUser();
  const overview = useInstituteOverview();
  const stats = overview.data?.stats;

  return (
    <>
      <PageHeader
        title={`Welcome back, ${user.name.split(' ')[0] ?? user.name}`}
        description={overview.data?.institute.name ?? user.institute?.name}
      />
      {overview.isError ? (
        <LoadError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md" mb="xl">
          {(
            [
              ['Students', stats?.students, IconUsers, 'indigo'],
              ['Batches', stats?.batches, IconUsersGroup, 'cyan'],
              ['Teachers', stats?.teachers, IconSchool, 'teal'],
              ['Proctors', stats?.proctors, IconShieldCheck, 'orange'],
              ['Admins', stats?.admins, IconUserShield, 'grape'],
            ] as const
          ).map(([label, value, StatIcon, color]) => (
            <StatCard
              key={label}
              label={label}
              color={color}
              icon={<StatIcon size={22} />}
              value={value ?? <Skeleton height={30} width={48} mt={4} />}
            />
          ))}
        </SimpleGrid>
      )}
      <Title order={2} fz="h4" mb="sm">
        Get started
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {shortcuts.map((shortcut) => (
          <Paper key={shortcut.to} withBorder radius="md" p="md">
            <Group wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" size={38} radius="md" aria-hidden>
                <shortcut.icon size={20} />
              </ThemeIcon>
              <div>
                <Text fw={600}>{shortcut.title}</Text>
                <Text size="sm" c="dimmed" mb="sm">
                  {shortcut.text}
                </Text>
                <Button component={Link} to={shortcut.to} size="xs" variant="light">
                  Open
                </Button>
              </div>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
    </>
  );
}
