import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Logo } from '../../components/Logo';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useCurrentUser, useLogout } from './session';
import classes from './LoginPage.module.css';

/** Shown instead of the app while an admin-issued temporary password is still in use. */
export function ForcePasswordChangePage() {
  const user = useCurrentUser();
  const logout = useLogout();
  return (
    <Center className={classes.page}>
      <Stack w="100%" maw={460} gap="lg" p="md">
        <Center>
          <Logo size="lg" />
        </Center>
        <Paper withBorder shadow="md" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
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
        </Paper>
        <Group justify="center">
          <Button variant="subtle" color="gray" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
            Sign out
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
