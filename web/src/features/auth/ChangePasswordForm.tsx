import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { showFormError } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import { useChangePassword } from './session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm({
  currentLabel,
  onChanged,
}: {
  currentLabel?: string;
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const changePassword = useChangePassword();
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('auth.currentPasswordMissing')),
      newPassword: (value, values) => {
        if (value.length < 8) return t('auth.passwordTooShort');
        if (value.length > 128) return t('auth.passwordTooLong');
        if (value === values.currentPassword) return t('auth.passwordUnchanged');
        return null;
      },
      confirmPassword: (value, values) => (value === values.newPassword ? null : t('auth.passwordsDiffer')),
    },
  });

  const submit = form.onSubmit(({ currentPassword, newPassword }) => {
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess(t('auth.passwordChanged'), t('auth.passwordUpdated'));
          onChanged?.();
        },
        onError: (error) => showFormError(form, error, { AUTH_WRONG_PASSWORD: 'currentPassword' }),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <PasswordInput
          label={currentLabel ?? t('auth.currentPassword')}
          autoComplete="current-password"
          key={form.key('currentPassword')}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('auth.newPassword')}
          description={t('auth.newPasswordHint')}
          autoComplete="new-password"
          key={form.key('newPassword')}
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('auth.confirmPassword')}
          autoComplete="new-password"
          key={form.key('confirmPassword')}
          {...form.getInputProps('confirmPassword')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={changePassword.isPending}>
            {t('auth.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
