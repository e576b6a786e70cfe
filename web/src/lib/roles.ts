import type { Role } from './types';

export const roleLabels: Record<Role, string> = {
  platform_operator: 'Platform operator',
  institute_admin: 'Institute admin',
  teacher: 'Teacher',
  proctor: 'Proctor',
  student: 'Student',
};

export const roleColors: Record<Role, string> = {
  platform_operator: 'grape',
  institute_admin: 'indigo',
  teacher: 'teal',
  proctor: 'orange',
  student: 'blue',
};

export function isStaffViewer(role: Role): boolean {
  return role === 'teacher' || role === 'proctor';
}
