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
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/QueryStates';
import { useCurrentUser } from '../auth/session';
import { useInstituteOverview } from './api';
import { StatCard } from './StatCard';

const shortcuts = [
  { key: 'createBatch', to: '/batches', icon: IconUsersGroup },
  { key: 'addStudent', to: '/students', icon: IconUserPlus },
  { key: 'importStudents', to: '/students/import', icon: IconFileImport },
] as const satisfies readonly { key: string; to: string; icon: Icon }[];

export function AdminDashboard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const overview = useInstituteOverview();
  const stats = overview.data?.stats;

  return (
    <>
      <PageHeader
        title={t('dashboard.welcomeBack', { name: user.name.split(' ')[0] ?? user.name })}
        description={overview.data?.institute.name ?? user.institute?.name}
      />
      {overview.isError ? (
        <LoadError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md" mb="xl">
          {(
            [
              ['students', stats?.students, IconUsers, 'indigo'],
              ['batches', stats?.batches, IconUsersGroup, 'cyan'],
              ['teachers', stats?.teachers, IconSchool, 'teal'],
              ['proctors', stats?.proctors, IconShieldCheck, 'orange'],
              ['admins', stats?.admins, IconUserShield, 'grape'],
            ] as const
          ).map(([label, value, StatIcon, color]) => (
            <StatCard
              key={label}
              label={t(`dashboard.stats.${label}`)}
              color={color}
              icon={<StatIcon size={22} />}
              value={value ?? <Skeleton height={30} width={48} mt={4} />}
            />
          ))}
        </SimpleGrid>
      )}
      <Title order={2} fz="h4" mb="sm">
        {t('dashboard.getStarted')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {shortcuts.map((shortcut) => (
          <Paper key={shortcut.to} withBorder radius="md" p="md">
            <Group wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" size={38} radius="md" aria-hidden>
                <shortcut.icon size={20} />
              </ThemeIcon>
              <div>
                <Text fw={600}>{t(`dashboard.shortcuts.${shortcut.key}`)}</Text>
                <Text size="sm" c="dimmed" mb="sm">
                  {t(`dashboard.shortcuts.${shortcut.key}Text`)}
                </Text>
                <Button component={Link} to={shortcut.to} size="xs" variant="light">
                  {t('common.open')}
                </Button>
              </div>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
    </>
  );
}
