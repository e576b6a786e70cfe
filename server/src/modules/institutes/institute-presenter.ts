import type { InstituteRow } from './institute-repo.js';

export type InstituteStats = {
  students: number;
  teachers: number;
  proctors: number;
  admins: number;
  batches: number;
};
export type InstituteSettings = { leaderboardNames: InstituteRow['leaderboardNames']; timeZone: string };
export type InstituteView = {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
  settings: InstituteSettings;
};
/** What other modules show of an institute (a user's profile names it). */
export type InstituteSummary = { id: string; name: string; slug: string };

export function presentInstitute(row: InstituteRow): InstituteView {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    createdAt: row.createdAt.toISOString(),
    settings: { leaderboardNames: row.leaderboardNames, timeZone: row.timeZone },
  };
}

export function presentInstituteSummary(row: InstituteRow): InstituteSummary {
  return { id: row.id, name: row.name, slug: row.slug };
}

/** Active users by role and active batches, as the dashboard shows them. */
export function presentStats(activeByRole: Map<string, number>, activeBatches: number): InstituteStats {
  const roleCount = (role: string) => activeByRole.get(role) ?? 0;
  return {
    students: roleCount('student'),
    teachers: roleCount('teacher'),
    proctors: roleCount('proctor'),
    admins: roleCount('institute_admin'),
    batches: activeBatches,
  };
}
