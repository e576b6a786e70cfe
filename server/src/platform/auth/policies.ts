import { AppError } from '../errors/app-error.js';

export const roles = ['platform_operator', 'institute_admin', 'teacher', 'proctor', 'student'] as const;
export type Role = (typeof roles)[number];
export const instituteRoles = ['institute_admin', 'teacher', 'proctor', 'student'] as const;
export type InstituteRole = (typeof instituteRoles)[number];
export const staffRoles = ['teacher', 'proctor'] as const;

/** Who is asking. Every service call that touches institute data receives one. */
export type Actor = {
  userId: string;
  role: Role;
  instituteId: string | null;
};

export type InstituteActor = Actor & { instituteId: string };

/**
 * The one table of who may do what. Scoping (which rows) is applied by the services from the
 * actor's institute and batches; this table decides whether the action is allowed at all.
 */
const permissions = {
  'institutes:manage': ['platform_operator'],
  'institute:read': ['institute_admin', 'teacher', 'proctor'],
  'institute:settings': ['institute_admin'],
  'batches:read': ['institute_admin', 'teacher', 'proctor', 'student'],
  'batches:manage': ['institute_admin'],
  'users:read': ['institute_admin', 'teacher', 'proctor'],
  'users:manage': ['institute_admin'],
  // Lifting a sign-in lockout: the admin, or the proctor of the student's batch on exam morning.
  'users:unlock-sign-in': ['institute_admin', 'proctor'],
  'students:import': ['institute_admin'],
  // Exams are batch-scoped like users and batches: admins see every exam of the institute; a
  // teacher sees, edits, publishes, unpublishes and schedules only the exams they created and
  // those scheduled for one of their batches (no batch: only their own). Others answer 404.
  'exams:read': ['institute_admin', 'teacher'],
  'exams:manage': ['institute_admin', 'teacher'],
  'exams:take': ['student'],
  'practice:settings': ['institute_admin', 'teacher'],
  'practice:read-settings': ['institute_admin', 'teacher', 'proctor', 'student'],
  'practice:create': ['student'],
  // The question bank: authors (admins and teachers) only; students never see keys or solutions.
  'questions:read': ['institute_admin', 'teacher'],
  // Students choose chapters for practice tests; the tree holds names, not questions.
  'syllabus:read': ['institute_admin', 'teacher', 'proctor', 'student'],
  'questions:manage': ['institute_admin', 'teacher'],
  // Question images: staff read the institute's; a student only the images of a paper they are
  // sitting and of a result released to them, solution images only with the key (asset-service).
  'assets:read': ['institute_admin', 'teacher', 'proctor', 'student'],
  'assets:upload': ['institute_admin', 'teacher'],
  // Results go out, and answer keys are revised, by the exam's teachers (batch-scoped like other exam
  // actions) and admins.
  'results:release': ['institute_admin', 'teacher'],
  // Proctoring: watching, acting on and reviewing candidates (proctors and teachers their batches',
  // admins the institute's); the decision that reaches results and the score's weights are the
  // teachers' and admins' (they can withhold a result anyway).
  'proctoring:watch': ['institute_admin', 'teacher', 'proctor'],
  'proctoring:decide': ['institute_admin', 'teacher'],
  // Everyone's own notices (the bell); a user only ever reads their own rows.
  'notifications:read': ['institute_admin', 'teacher', 'proctor', 'student'],
  // Weak areas, recommendations and trends across exams: a student their own; admins and the teachers
  // of the student's batches a student's weak areas and trends (progress-service, scoped like users:read).
  'progress:read-own': ['student'],
  'progress:read-student': ['institute_admin', 'teacher'],
  // Leaderboards of the institute: students those of their own batches and exams (leaderboard-service).
  'leaderboards:read': ['institute_admin', 'teacher', 'proctor', 'student'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

export function can(actor: Actor, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(actor.role);
}

/** Throws FORBIDDEN unless the actor's role may take the action; returns nothing. */
export function authorize(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw new AppError('FORBIDDEN');
}

/**
 * `authorize`, and FORBIDDEN for an actor without an institute (the platform operator); returns the
 * actor narrowed to its institute, the scope of every query that follows.
 */
export function authorizeInInstitute(actor: Actor, action: Action): InstituteActor {
  authorize(actor, action);
  if (!actor.instituteId) throw new AppError('FORBIDDEN');
  return actor as InstituteActor;
}

/**
 * Teachers and proctors see only the batches they are assigned to, students only those they belong
 * to; admins see the whole institute.
 */
export function isRestrictedToOwnBatches(actor: Actor): boolean {
  return actor.role === 'teacher' || actor.role === 'proctor' || actor.role === 'student';
}
