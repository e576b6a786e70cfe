import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api';
import type { ImportedStudent, ImportRowError } from '../../lib/types';
import { batchKeys } from '../batches/api';
import { userKeys } from '../users/api';

export const templateUrl = '/api/students/import/template.csv';

export type ImportOutcome =
  | { kind: 'invalid'; rowCount: number; errors: ImportRowError[] }
  | { kind: 'validated'; rowCount: number }
  | { kind: 'imported'; rowCount: number; created: ImportedStudent[] };

interface InvalidBody {
  rowCount?: number;
  errors?: ImportRowError[];
}

/** Sends the file for a dry run or the real import; a 422 with row errors is an outcome, not a failure. */
async function submitImport(file: File, dryRun: boolean): Promise<ImportOutcome> {
  const body = new FormData();
  body.append('file', file);
  try {
    if (dryRun) {
      const result = await api<{ rowCount: number }>('/api/students/import', {
        method: 'POST',
        query: { dryRun: true },
        body,
      });
      return { kind: 'validated', rowCount: result.rowCount };
    }
    const result = await api<{ rowCount: number; created: ImportedStudent[] }>('/api/students/import', {
      method: 'POST',
      query: { dryRun: false },
      body,
    });
    return { kind: 'imported', rowCount: result.rowCount, created: result.created };
  } catch (error) {
    if (isApiError(error, 'IMPORT_INVALID')) {
      const invalid = (error.body ?? {}) as InvalidBody;
      return { kind: 'invalid', rowCount: invalid.rowCount ?? 0, errors: invalid.errors ?? [] };
    }
    throw error;
  }
}

export function useStudentImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => submitImport(file, dryRun),
    onSuccess: (outcome) => {
      if (outcome.kind !== 'imported') return;
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.all }),
        queryClient.invalidateQueries({ queryKey: batchKeys.all }),
      ]);
    },
  });
}
