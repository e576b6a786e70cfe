import {
  IconDatabase,
  IconListTree,
  IconTableImport,
  IconBuildingCommunity,
  IconChartBar,
  IconFileText,
  IconFileImport,
  IconLayoutDashboard,
  IconPencil,
  IconSchool,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { Role } from '../lib/types';

export interface NavItem {
  label: string;
  to: string;
  icon: Icon;
}

const dashboard: NavItem = { label: 'Dashboard', to: '/', icon: IconLayoutDashboard };
const exams: NavItem = { label: 'Exams', to: '/exams', icon: IconFileText };
/** Teachers and admins author questions; students and proctors never see the bank. */
const questionBank: NavItem[] = [
  { label: 'Question bank', to: '/questions', icon: IconDatabase },
  { label: 'Import questions', to: '/questions/import', icon: IconTableImport },
  { label: 'Syllabus', to: '/syllabus', icon: IconListTree },
];
const account: NavItem = { label: 'Account', to: '/account', icon: IconUserCircle };

/** The one place that decides which screens each role can reach from the menu. */
export function navigationFor(role: Role): NavItem[] {
  switch (role) {
    case 'institute_admin':
      return [
        dashboard,
        { label: 'Batches', to: '/batches', icon: IconUsersGroup },
        { label: 'Staff', to: '/staff', icon: IconSchool },
        { label: 'Students', to: '/students', icon: IconUsers },
        { label: 'Import students', to: '/students/import', icon: IconFileImport },
        ...questionBank,
        exams,
        account,
      ];
    case 'teacher':
    case 'proctor':
      return [
        dashboard,
        { label: 'My batches', to: '/batches', icon: IconUsersGroup },
        { label: 'Students', to: '/students', icon: IconUsers },
        ...(role === 'teacher' ? [...questionBank, exams] : []),
        account,
      ];
    case 'student':
      return [
        dashboard,
        { label: 'Practice', to: '/practice', icon: IconPencil },
        { label: 'My progress', to: '/progress', icon: IconChartBar },
        account,
      ];
    case 'platform_operator':
      return [{ label: 'Institutes', to: '/institutes', icon: IconBuildingCommunity }, account];
  }
}

/** Active item: the longest menu path that prefixes the current location. */
export function activeNavItem(items: NavItem[], pathname: string): NavItem | undefined {
  return items
    .filter((item) =>
      item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`),
    )
    .sort((a, b) => b.to.length - a.to.length)[0];
}
