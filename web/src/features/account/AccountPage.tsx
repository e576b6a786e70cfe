import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoleBadge } from '../../components/Badges';
import { PageHeader } from '../../components/PageHeader';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { useCurrentUser } from '../auth/session';

export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder radius="md" p="lg">
            <Title order={2} fz="h4" mb="md">
              {t('account.signedInAs')}
            </Title>
            <Stack gap="xs">
              <Text fw={600}>{user.name}</Text>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {user.email}
              </Text>
              <div>
                <RoleBadge role={user.role} />
              </div>
              {user.institute && (
                <Text size="sm" c="dimmed">
                  {user.institute.name}
                </Text>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="md" p="lg">
            <Title order={2} fz="h4" mb={4}>
              {t('account.changePassword')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('account.changePasswordHint')}
            </Text>
            <ChangePasswordForm />
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
