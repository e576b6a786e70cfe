import { useEffect, useState } from 'react';
import { fetchPaper, fetchState } from './api';
import { cachePaper, listJournal, readCachedPaper, readMeta } from './journal';
import { estimateClockOffset, settleClockOffset } from './server-clock';
import { mergeAnswers, type MergedAnswers } from './session-model';
import type { AttemptState, PaperResponse } from './types';

export interface AttemptData extends MergedAnswers {
  state: AttemptState;
  paper: PaperResponse;
  /** Server time minus this device's time, in ms. */
  offsetMs: number;
  resumeQuestionId: string | undefined;
}

/** The paper (cached in IndexedDB), the server's state and the local journal, merged. */
export function useAttemptData(initial: AttemptState) {
  const attemptId = initial.attempt.id;
  const [data, setData] = useState<AttemptData | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let isCurrent = true;
    async function load(): Promise<AttemptData> {
      const receivedAt = Date.now();
      const state =
        initial.answers.length > 0 || initial.attempt.status !== 'in_progress'
          ? initial
          : await fetchState(attemptId).catch(() => initial);
      const { serverNow } = state.attempt;
      const stampedAt = state === initial ? receivedAt : Date.now();
      const offsetMs = settleClockOffset(serverNow, estimateClockOffset(serverNow, stampedAt, stampedAt));
      const paper = (await readCachedPaper(attemptId)) ?? (await fetchPaper(attemptId));
      await cachePaper(attemptId, paper);
      const [journal, meta] = await Promise.all([listJournal(attemptId), readMeta(attemptId)]);
      const merged = mergeAnswers(state.answers, journal, meta?.seq ?? 0);
      return { ...merged, state, paper, offsetMs, resumeQuestionId: meta?.currentQuestionId };
    }
    load().then(
      (loaded) => isCurrent && setData(loaded),
      (failure: unknown) => isCurrent && setError(failure),
    );
    return () => {
      isCurrent = false;
    };
  }, [attemptId, initial]);

  return { data, error };
}
