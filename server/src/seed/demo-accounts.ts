// The demo accounts: the one list the seed creates, main.ts prints, and the tests and benchmarks
// sign in with. Passwords are public: demo data only.

export type DemoLogin = { role: string; email: string; password: string; name: string };
export type DemoCredentials = { email: string; password: string };

export const DEMO_STUDENT_PASSWORD = 'Student@12345';
const DEMO_STUDENT_NAMES = ['Aarav Sharma', 'Diya Patel', 'Kabir Singh', 'Saanvi Reddy', 'Vihaan Gupta'];

/** Demo student n (1–5) of the demo institute. */
export function demoStudent(n: number): DemoCredentials {
  return { email: `student${n}@demo.examtech.in`, password: DEMO_STUDENT_PASSWORD };
}

/** The demo accounts by who they are. */
export const demo = {
  operator: { email: 'operator@examtech.in', password: 'Operator@12345' },
  admin: { email: 'admin@demo.examtech.in', password: 'Admin@12345' },
  teacher: { email: 'teacher@demo.examtech.in', password: 'Teacher@12345' },
  proctor: { email: 'proctor@demo.examtech.in', password: 'Proctor@12345' },
  student: demoStudent(1),
} as const satisfies Record<string, DemoCredentials>;

/** The demo accounts (also listed in the README), in the order the seed creates them. */
export const demoLogins: DemoLogin[] = [
  { role: 'platform_operator', ...demo.operator, name: 'Platform Operator' },
  { role: 'institute_admin', ...demo.admin, name: 'Anita Desai' },
  { role: 'teacher', ...demo.teacher, name: 'Rajesh Iyer' },
  { role: 'proctor', ...demo.proctor, name: 'Meera Pillai' },
  ...DEMO_STUDENT_NAMES.map((name, i) => ({ role: 'student', ...demoStudent(i + 1), name })),
];
