import { Navigate } from 'react-router';
import { useCurrentUser } from '../auth/session';
import { AdminDashboard } from './AdminDashboard';
import { MemberDashboard } from './MemberDashboard';

export function DashboardPage() {
  const user = useCurrentUser();
  switch (user.role) {
    case 'institute_admin':
      return <AdminDashboard />;
    case 'teacher':
    case 'proctor':
    case 'student':
      return <MemberDashboard />;
    case 'platform_operator':
      return <Navigate to="/institutes" replace />;
  }
}
