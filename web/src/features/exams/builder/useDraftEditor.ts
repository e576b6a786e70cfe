// The builder edits a local copy of the draft and saves it in the background: a debounced PUT
// after each change, one save at a time, the newest state always winning. The server's answer
// (with the template checker's `check`) replaces the cached exam, so the checker stays live.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/notify';
import { examKeys, saveDraft } from '../api';
import type { DraftInput, ExamDetail, ExamDraft } from '../types';

export interface EditableDraft extends ExamDraft {
  title: string;
}

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error';

const AUTOSAVE_DELAY_MS = 800;

export function toEditableDraft(exam: ExamDetail): EditableDraft {
  return { title: exam.title, ...exam.draft };
}

function toDraftInput(draft: EditableDraft): DraftInput {
  return {
    ...draft,
    sections: draft.sections.map(({ items, ...section }) => ({
      ...section,
      items: items.map(({ questionId, marking }) => (marking ? { questionId, marking } : { questionId })),
    })),
  };
}

export interface DraftEditor {
  draft: EditableDraft;
  status: SaveStatus;
  error: string | null;
  isReadOnly: boolean;
  update: (change: (draft: EditableDraft) => EditableDraft) => void;
  /** Saves pending edits now; resolves false when the save failed. */
  flush: () => Promise<boolean>;
  /** Takes the server's draft after an operation that changed it there (auto-select). */
  reset: (exam: ExamDetail) => void;
}

export function useDraftEditor(exam: ExamDetail): DraftEditor {
  const queryClient = useQueryClient();
  const examId = exam.id;
  const isReadOnly = exam.status !== 'draft';
  const [draft, setDraft] = useState(() => toEditableDraft(exam));
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(draft);
  const editCount = useRef(0);
  const savedCount = useRef(0);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<number | undefined>(undefined);

  const saveIfDirty = useCallback(async (): Promise<boolean> => {
    const count = editCount.current;
    if (count === savedCount.current) return true;
    setStatus('saving');
    try {
      const { exam: saved } = await saveDraft(examId, toDraftInput(latest.current));
      savedCount.current = count;
      queryClient.setQueryData(examKeys.detail(examId), { exam: saved });
      setError(null);
      setStatus(count === editCount.current ? 'saved' : 'dirty');
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      setStatus('error');
      return false;
    }
  }, [examId, queryClient]);

  const flush = useCallback((): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const next = chain.current.then(saveIfDirty);
    chain.current = next;
    return next;
  }, [saveIfDirty]);

  const update = useCallback(
    (change: (current: EditableDraft) => EditableDraft) => {
      if (isReadOnly) return;
      const next = change(latest.current);
      latest.current = next;
      setDraft(next);
      editCount.current += 1;
      setStatus('dirty');
      window.clearTimeout(timer.current);
      // Fire-and-forget by design: the outcome lands in `status`, and flush() awaits the chain.
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush, isReadOnly],
  );

  const reset = useCallback((server: ExamDetail) => {
    window.clearTimeout(timer.current);
    const next = toEditableDraft(server);
    latest.current = next;
    setDraft(next);
    savedCount.current = editCount.current;
    setStatus('saved');
    setError(null);
  }, []);

  // Leaving the builder saves what is still pending; nobody is left to see the outcome.
  useEffect(() => () => void flush(), [flush]);

  return { draft, status, error, isReadOnly, update, flush, reset };
}
