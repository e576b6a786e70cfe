import type { Database } from '../platform/db/database.js';
import * as instituteRepo from '../modules/institutes/institute-repo.js';
import type { QuestionService } from '../modules/questions/question-service.js';
import { toSyllabusPathKey, type SyllabusService } from '../modules/syllabus/syllabus-service.js';
import type { UserService } from '../modules/users/user-service.js';
import * as batchRepo from '../modules/batches/batch-repo.js';
import { demoLogins } from './demo-accounts.js';
import { demoQuestions } from './demo-questions.js';

export type SeedServices = {
  users: UserService;
  syllabus: Pick<SyllabusService, 'seedDefaultSyllabus' | 'resolveSyllabusPaths'>;
  questions: Pick<QuestionService, 'createQuestionsInTx'>;
};

/** Seeds the demo institute once, on a database with no institutes. Returns true when it seeded. */
export async function seedDemoData(
  database: Database,
  { users, syllabus, questions }: SeedServices,
): Promise<boolean> {
  if (await instituteRepo.hasAnyInstitute(database.db)) return false;

  await database.db.transaction(async (tx) => {
    const institute = await instituteRepo.insertInstitute(tx, {
      name: 'Demo Coaching Institute',
      slug: 'demo',
    });
    const batch = await batchRepo.insertBatch(tx, {
      instituteId: institute.id,
      name: 'JEE 2027 Morning',
      code: 'JEE-2027-A',
      description: 'Two-year JEE Main + Advanced programme, morning batch.',
    });
    await batchRepo.insertBatch(tx, {
      instituteId: institute.id,
      name: 'NEET 2027 Evening',
      code: 'NEET-2027-E',
      description: 'NEET UG programme, evening batch.',
    });
    await syllabus.seedDefaultSyllabus(tx, institute.id);
    let teacherId = '';
    for (const [index, login] of demoLogins.entries()) {
      const isOperator = login.role === 'platform_operator';
      const { user } = await users.createUserInTx(
        tx,
        isOperator ? null : institute.id,
        {
          name: login.name,
          email: login.email,
          role: login.role as 'student',
          password: login.password,
          rollNumber: login.role === 'student' ? `JEE27-${String(index - 3).padStart(3, '0')}` : null,
        },
        { mustChangePassword: false },
      );
      if (login.role === 'teacher') teacherId = user.id;
      if (['teacher', 'proctor', 'student'].includes(login.role)) {
        await batchRepo.replaceMembershipsOfUser(tx, institute.id, user.id, [batch.id]);
      }
    }
    // A living bank from the first sign-in: every question type, LaTeX, Hindi versions.
    const { topicIds } = await syllabus.resolveSyllabusPaths(
      tx,
      institute.id,
      demoQuestions.map((q) => q.path),
      { createMissing: true },
    );
    await questions.createQuestionsInTx(
      tx,
      { userId: teacherId, role: 'teacher', instituteId: institute.id },
      demoQuestions.map(({ path, question }) => ({
        question,
        topicId: topicIds.get(toSyllabusPathKey(path)) ?? '',
      })),
    );
  });
  return true;
}
