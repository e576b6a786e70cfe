import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconKey, IconLockOpen, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { TemporaryPasswordModal, type IssuedPassword } from '../../components/TemporaryPasswordModal';
import { notifyError, notifySuccess } from '../../lib/notify';
import type { User } from '../../lib/types';
import { useCurrentUser } from '../auth/session';
import { useResetPassword, useUnlockSignIn, useUpdateUser } from './api';
import { EditUserModal } from './EditUserModal';

type Dialog = 'edit' | 'reset' | 'deactivate' | null;

/** `canManage` false: only "Unlock sign-in" (a proctor's one action on a student). */
export function UserRowActions({ user, canManage = true }: { user: User; canManage?: boolean }) {
  const me = useCurrentUser();
  const unlockSignIn = useUnlockSignIn();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const resetPassword = useResetPassword();
  const updateUser = useUpdateUser();
  const close = () => setDialog(null);

  const confirmReset = () =>
    resetPassword.mutate(user.id, {
      onSuccess: ({ temporaryPassword }) => {
        close();
        setIssued({ name: user.name, email: user.email, temporaryPassword });
      },
      onError: (error) => notifyError(error, 'Could not reset the password'),
    });

  const setActive = (active: boolean) =>
    updateUser.mutate(
      { id: user.id, active },
      {
        onSuccess: () => {
          close();
          notifySuccess(
            active ? `${user.name} can sign in again` : `${user.name} has been deactivated and signed out`,
          );
        },
        onError: (error) => notifyError(error),
      },
    );

  const unlock = () =>
    unlockSignIn.mutate(user.id, {
      onSuccess: () => notifySuccess(`${user.name} can sign in again now`),
      onError: (error) => notifyError(error, 'Could not unlock sign-in'),
    });

  return (
    <>
      <Menu position="bottom-end" shadow="md" width={200}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.name}`}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {canManage && (
            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')}>
              Edit
            </Menu.Item>
          )}
          {canManage && (
            <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setDialog('reset')}>
              Reset password
            </Menu.Item>
          )}
          <Menu.Item
            leftSection={<IconLockOpen size={16} />}
            onClick={unlock}
            disabled={unlockSignIn.isPending}
            title="After too many wrong passwords, sign-in is paused for up to 15 minutes"
          >
            Unlock sign-in
          </Menu.Item>
          {!canManage ? null : user.active ? (
            <Menu.Item
              color="red"
              leftSection={<IconUserOff size={16} />}
              disabled={user.id === me.id}
              onClick={() => setDialog('deactivate')}
            >
              Deactivate
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => setActive(true)}>
              Activate
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {dialog === 'edit' && <EditUserModal user={user} onClose={close} />}
      <ConfirmModal
        opened={dialog === 'reset'}
        onClose={close}
        title="Reset password?"
        confirmLabel="Reset password"
        color="orange"
        loading={resetPassword.isPending}
        onConfirm={confirmReset}
      >
        {user.name} will be signed out everywhere and must sign in with a new temporary password, which you
        will see once on the next screen.
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'deactivate'}
        onClose={close}
        title="Deactivate account?"
        confirmLabel="Deactivate"
        loading={updateUser.isPending}
        onConfirm={() => setActive(false)}
      >
        {user.name} will be signed out and unable to sign in until you activate the account again. Their
        records are kept.
      </ConfirmModal>
      <TemporaryPasswordModal
        issued={issued}
        title="New temporary password"
        onClose={() => setIssued(null)}
      />
    </>
  );
}
