import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AuthCard } from './AuthCard';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useCurrentUser, useLogout } from './session';

/** Shown instead of the app while an admin-issued temporary password is still in use. */
export function ForcePasswordChangePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  return (
    <AuthCard
      width={460}
      footer={
        <Group justify="center">
          <Button
            variant="subtle"
            color="gray"
            size="xs"
            onClick={() => logout.mutate()}
            loading={logout.isPending}
          >
            {t('auth.signOut')}
          </Button>
        </Group>
      }
    >
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3">
            {t('auth.changeYourPassword')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('auth.temporaryPasswordIntro', { name: user.name })}
          </Text>
        </div>
        <Alert color="indigo" variant="light" icon={<IconLock size={18} />}>
          {t('auth.keepPrivate')}
        </Alert>
        <ChangePasswordForm currentLabel={t('auth.temporaryPassword')} />
      </Stack>
    </AuthCard>
  );
}
