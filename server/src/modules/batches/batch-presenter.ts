import type { BatchRow } from './batch-repo.js';

export type BatchStaffView = { id: string; name: string; role: 'teacher' | 'proctor' };

/** A batch with what its list and detail show about its people. */
export type BatchWithPeople = BatchRow & { studentCount: number; staff: BatchStaffView[] };

export type BatchView = {
  id: string;
  name: string;
  code: string;
  description: string;
  archived: boolean;
  studentCount: number;
  staff: BatchStaffView[];
  createdAt: string;
};

/** The only shape in which a batch leaves the server. */
export function presentBatch(batch: BatchWithPeople): BatchView {
  return {
    id: batch.id,
    name: batch.name,
    code: batch.code,
    description: batch.description,
    archived: batch.archivedAt !== null,
    studentCount: batch.studentCount,
    staff: batch.staff,
    createdAt: batch.createdAt.toISOString(),
  };
}
