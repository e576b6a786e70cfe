import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { AppLayout } from '../../components/AppLayout';
import { LoadError } from '../../components/QueryStates';
import type { Role } from '../../lib/types';
import { ForcePasswordChangePage } from './ForcePasswordChangePage';
import { LoginPage } from './LoginPage';
import { useCurrentUser, useSession } from './session';

function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100dvh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

interface FromState {
  from?: string;
}

/** The authenticated part of the app: signed-in users with a password of their own. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) {
    return (
      <Center h="100dvh" p="md">
        <LoadError error={session.error} onRetry={() => void session.refetch()} />
      </Center>
    );
  }
  if (!session.data)
    return <Navigate to="/login" replace state={{ from: location.pathname } satisfies FromState} />;
  if (session.data.mustChangePassword) return <ForcePasswordChangePage />;
  return <AppLayout />;
}

export function LoginRoute() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (session.data) {
    const from = (location.state as FromState | null)?.from;
    return <Navigate to={from ?? '/'} replace />;
  }
  return <LoginPage />;
}

/** Hides a screen from roles that cannot use it (the server enforces this too). */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  return roles.includes(user.role) ? children : <Navigate to="/" replace />;
}
