import { loadInScope } from '../../platform/auth/access.js';
import { authorizeInInstitute, isRestrictedToOwnBatches, type Actor } from '../../platform/auth/policies.js';
import type { Db } from '../../platform/db/database.js';
import type { BatchService } from '../batches/batch-service.js';
import * as repo from './exam-repo.js';

/**
 * Which scheduled exams an actor may see and manage: admins every exam of the institute; teachers
 * are batch-scoped, as for users and batches, to the exams they created and those scheduled for
 * one of their batches (a teacher with no batch: only their own). Outside that, an exam answers 404.
 */
export function createExamAccess(deps: { db: Db; batches: Pick<BatchService, 'listBatchIdsOfMember'> }) {
  async function findVisibility(actor: Actor): Promise<repo.ExamVisibility | undefined> {
    if (!isRestrictedToOwnBatches(actor)) return undefined;
    return { userId: actor.userId, batchIds: await deps.batches.listBatchIdsOfMember(actor.userId) };
  }

  async function loadExam(actor: Actor, id: string, action: 'exams:read' | 'exams:manage' = 'exams:read') {
    const scoped = authorizeInInstitute(actor, action);
    // 404, not 403: an exam outside the teacher's scope is one they do not know of.
    const exam = await loadInScope(
      scoped,
      'Exam',
      () => repo.findExam(deps.db, scoped.instituteId, id, 'scheduled'),
      async () => {
        const visibility = await findVisibility(actor);
        return !visibility || repo.isExamVisible(deps.db, id, visibility);
      },
    );
    return { scoped, exam };
  }

  return { findVisibility, loadExam };
}
