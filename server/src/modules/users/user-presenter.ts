import type { UserRow } from './user-repo.js';

export type { UserRow } from './user-repo.js';
/** The institute as a user's profile names it (from the institutes module). */
export type UserInstitute = { id: string; name: string; slug: string };

export type UserView = {
  id: string;
  email: string;
  name: string;
  role: UserRow['role'];
  phone: string | null;
  rollNumber: string | null;
  active: boolean;
  mustChangePassword: boolean;
  uiLanguage: UserRow['uiLanguage'];
  institute: { id: string; name: string; slug: string } | null;
  batchIds: string[];
  createdAt: string;
};

/** The only shape in which a user leaves the server: never the row (it holds the password hash). */
export function presentUser(user: UserRow, institute: UserInstitute | null, batchIds: string[]): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    phone: user.phone,
    rollNumber: user.rollNumber,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    uiLanguage: user.uiLanguage,
    institute: institute ? { id: institute.id, name: institute.name, slug: institute.slug } : null,
    batchIds,
    createdAt: user.createdAt.toISOString(),
  };
}
