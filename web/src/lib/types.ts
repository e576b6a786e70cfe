// Shapes of the HTTP API (docs/API.md). Kept in one place so a contract change is one edit.

export type Role = 'platform_operator' | 'institute_admin' | 'teacher' | 'proctor' | 'student';
export type StaffRole = 'institute_admin' | 'teacher' | 'proctor';

export interface InstituteRef {
  id: string;
  name: string;
  slug: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  phone: string | null;
  rollNumber: string | null;
  active: boolean;
  mustChangePassword: boolean;
  institute: InstituteRef | null;
  batchIds: string[];
  createdAt: string;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface BatchStaff {
  id: string;
  name: string;
  role: Role;
}

export interface Batch {
  id: string;
  name: string;
  code: string;
  description: string | null;
  archived: boolean;
  studentCount: number;
  staff: BatchStaff[];
  createdAt: string;
}

export interface InstituteStats {
  students: number;
  teachers: number;
  proctors: number;
  admins: number;
  batches: number;
}

export interface Institute extends InstituteRef {
  createdAt: string;
}

export interface InstituteWithStats extends Institute {
  stats: InstituteStats;
}

export interface CreatedAccount {
  user: User;
  temporaryPassword: string;
}

export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface ImportedStudent {
  email: string;
  name: string;
  temporaryPassword: string;
}
