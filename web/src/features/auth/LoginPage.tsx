import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { AuthCard } from './AuthCard';
import { useLogin, type Credentials } from './session';

// Failures the user can act on get the catalogue's text; anything else falls through to the form.
const loginCodes = ['AUTH_INVALID_CREDENTIALS', 'AUTH_RATE_LIMITED', 'AUTH_ACCOUNT_DISABLED'] as const;
type LoginCode = (typeof loginCodes)[number];
const isLoginCode = (code: string): code is LoginCode => (loginCodes as readonly string[]).includes(code);

/** The server's `retryAfterSeconds` on AUTH_RATE_LIMITED: a short wait is worth naming. */
function readRetryAfter(body: unknown): number | null {
  const value = (body as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof value === 'number' && value > 0 ? value : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Credentials>({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('auth.emailInvalid')),
      password: (value) => (value ? null : t('auth.passwordMissing')),
    },
  });

  const submit = form.onSubmit((values) => {
    setFailure(null);
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onError: (error) => {
          const known = isApiError(error) && isLoginCode(error.code) ? t(`errors.${error.code}`) : undefined;
          const waitSeconds = isApiError(error) ? readRetryAfter(error.body) : null;
          if (known && waitSeconds !== null && waitSeconds <= 60)
            setFailure(t('auth.rateLimitedWait', { seconds: waitSeconds }));
          else if (known) setFailure(known);
          else showFormError(form, error);
        },
      },
    );
  });

  return (
    <AuthCard
      footer={
        <Stack gap="sm" align="center">
          <Text c="dimmed" size="xs" ta="center">
            {t('auth.forgotPassword')}
          </Text>
          <LanguageSwitch />
        </Stack>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} fz="h3">
              {t('auth.signIn')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('auth.signInHint')}
            </Text>
          </div>
          {failure && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            placeholder="you@institute.in"
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" fullWidth size="md" loading={login.isPending}>
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
