import {
  IconDatabase,
  IconEye,
  IconListTree,
  IconTableImport,
  IconBuildingCommunity,
  IconChartBar,
  IconFileText,
  IconFileImport,
  IconLayoutDashboard,
  IconPencil,
  IconSettings,
  IconTrophy,
  IconSchool,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { en } from '../i18n/en';
import type { Role } from '../lib/types';

export interface NavItem {
  /** Key under `nav.` in the catalogues. */
  label: Exclude<keyof typeof en.nav, 'main' | 'open' | 'close' | 'home'>;
  to: string;
  icon: Icon;
}

const dashboard: NavItem = { label: 'dashboard', to: '/', icon: IconLayoutDashboard };
const exams: NavItem = { label: 'exams', to: '/exams', icon: IconFileText };
/** Teachers and admins author questions; students and proctors never see the bank. */
const questionBank: NavItem[] = [
  { label: 'questionBank', to: '/questions', icon: IconDatabase },
  { label: 'importQuestions', to: '/questions/import', icon: IconTableImport },
  { label: 'syllabus', to: '/syllabus', icon: IconListTree },
];
const account: NavItem = { label: 'account', to: '/account', icon: IconUserCircle };
const leaderboard: NavItem = { label: 'leaderboard', to: '/leaderboard', icon: IconTrophy };
/** The live proctor rooms (issue 14): a proctor's main work, so right after the dashboard. */
const proctoring: NavItem = { label: 'proctoring', to: '/proctoring', icon: IconEye };

/** The one place that decides which screens each role can reach from the menu. */
export function navigationFor(role: Role): NavItem[] {
  switch (role) {
    case 'institute_admin':
      return [
        dashboard,
        proctoring,
        { label: 'batches', to: '/batches', icon: IconUsersGroup },
        { label: 'staff', to: '/staff', icon: IconSchool },
        { label: 'students', to: '/students', icon: IconUsers },
        { label: 'importStudents', to: '/students/import', icon: IconFileImport },
        ...questionBank,
        exams,
        leaderboard,
        { label: 'settings', to: '/settings', icon: IconSettings },
        account,
      ];
    case 'teacher':
    case 'proctor':
      return [
        dashboard,
        proctoring,
        { label: 'myBatches', to: '/batches', icon: IconUsersGroup },
        { label: 'students', to: '/students', icon: IconUsers },
        ...(role === 'teacher' ? [...questionBank, exams] : []),
        leaderboard,
        account,
      ];
    case 'student':
      return [
        dashboard,
        { label: 'practice', to: '/practice', icon: IconPencil },
        { label: 'progress', to: '/progress', icon: IconChartBar },
        leaderboard,
        account,
      ];
    case 'platform_operator':
      return [{ label: 'institutes', to: '/institutes', icon: IconBuildingCommunity }, account];
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
