import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { AuthCard } from './AuthCard';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useCurrentUser, useLogout } from './session';

/** Shown instead of the app while an admin-issued temporary password is still in use. */
export function ForcePasswordChangePage() {
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
            Sign out
          </Button>
        </Group>
      }
    >
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3">
            Change your password
          </Title>
          <Text c="dimmed" size="sm">
            Welcome, {user.name}. You signed in with a temporary password; choose your own to continue.
          </Text>
        </div>
        <Alert color="indigo" variant="light" icon={<IconLock size={18} />}>
          Keep it private: your password protects your exams and results.
        </Alert>
        <ChangePasswordForm currentLabel="Temporary password" />
      </Stack>
    </AuthCard>
  );
}
