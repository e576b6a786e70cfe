import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';
import { AuthCard } from './AuthCard';
import { useLogin, type Credentials } from './session';

// Messages for failures the user can act on; anything else falls through to the server's text.
const loginMessages: Partial<Record<string, string>> = {
  AUTH_INVALID_CREDENTIALS: 'Incorrect email or password. Check both and try again.',
  AUTH_RATE_LIMITED:
    'Too many sign-in attempts. For your security, please wait before trying again. If you are locked out on exam day, ask your proctor to unlock your sign-in.',
  AUTH_ACCOUNT_DISABLED: 'This account has been deactivated. Contact your institute admin to restore access.',
};

/** The server's `retryAfterSeconds` on AUTH_RATE_LIMITED: a short wait is worth naming. */
function readRetryAfter(body: unknown): number | null {
  const value = (body as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof value === 'number' && value > 0 ? value : null;
}

export function LoginPage() {
  const login = useLogin();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Credentials>({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) =>
        /^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter the email address you sign in with',
      password: (value) => (value ? null : 'Enter your password'),
    },
  });

  const submit = form.onSubmit((values) => {
    setFailure(null);
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onError: (error) => {
          const known = isApiError(error) ? loginMessages[error.code] : undefined;
          const waitSeconds = isApiError(error) ? readRetryAfter(error.body) : null;
          if (known && waitSeconds !== null && waitSeconds <= 60)
            setFailure(`Too many sign-in attempts. Try again in ${waitSeconds} s.`);
          else if (known) setFailure(known);
          else showFormError(form, error);
        },
      },
    );
  });

  return (
    <AuthCard
      footer={
        <Text c="dimmed" size="xs" ta="center">
          Forgot your password? Ask your institute admin to reset it.
        </Text>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} fz="h3">
              Sign in
            </Title>
            <Text c="dimmed" size="sm">
              Use the account your institute created for you.
            </Text>
          </div>
          {failure && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            placeholder="you@institute.in"
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" fullWidth size="md" loading={login.isPending}>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
