import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { showFormError } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import { useChangePassword } from './session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm({
  currentLabel = 'Current password',
  onChanged,
}: {
  currentLabel?: string;
  onChanged?: () => void;
}) {
  const changePassword = useChangePassword();
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'Enter your current password'),
      newPassword: (value, values) => {
        if (value.length < 8) return 'Use at least 8 characters';
        if (value.length > 128) return 'Use at most 128 characters';
        if (value === values.currentPassword) return 'Choose a password different from the current one';
        return null;
      },
      confirmPassword: (value, values) =>
        value === values.newPassword ? null : 'The passwords do not match',
    },
  });

  const submit = form.onSubmit(({ currentPassword, newPassword }) => {
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess(
            'Your password has been changed. Other devices have been signed out.',
            'Password updated',
          );
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
          label={currentLabel}
          autoComplete="current-password"
          key={form.key('currentPassword')}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label="New password"
          description="At least 8 characters"
          autoComplete="new-password"
          key={form.key('newPassword')}
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          key={form.key('confirmPassword')}
          {...form.getInputProps('confirmPassword')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={changePassword.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
