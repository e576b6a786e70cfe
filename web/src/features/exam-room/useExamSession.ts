// The exam room's live state: answers (journalled and synced), the current question with visits and
// time spent, NTA button semantics, locked sections and the server's deadline.
import type { Answer, PaletteState } from '@examtech/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchState, submitAttempt } from './api';
import { rememberQuestion } from './journal';
import {
  editState,
  enterQuestion,
  isSaved,
  leaveState,
  orderPaper,
  saveState,
  type Committed,
} from './session-model';
import { AttemptSync, type SyncSnapshot } from './socket-sync';
import type { AttemptState, SavedAnswer } from './types';
import type { AttemptData } from './useAttemptData';
import { useSectionClock } from './useSectionClock';

export function useExamSession(data: AttemptData, deviceId: string) {
  const attemptId = data.state.attempt.id;
  const sections = useMemo(() => orderPaper(data.paper), [data.paper]);
  const questionIds = useMemo(() => sections.flatMap((s) => s.questions.map((q) => q.id)), [sections]);
  const sectionOf = useMemo(
    () => new Map(sections.flatMap((s) => s.questions.map((q) => [q.id, s.section.id] as const))),
    [sections],
  );
  const [serverState, setServerState] = useState<AttemptState>(data.state);
  const clock = useSectionClock(data.paper.paper.lockedSections, serverState, data.offsetMs);

  const firstOpenQuestion = useCallback(
    () => sections.find((s) => clock.isSectionOpen(s.section.id))?.questions[0]?.id ?? questionIds[0] ?? '',
    [sections, clock, questionIds],
  );
  const [initialId] = useState<string>(() => {
    const resume = data.resumeQuestionId;
    return resume && sectionOf.has(resume) && clock.isSectionOpen(sectionOf.get(resume) ?? '')
      ? resume
      : firstOpenQuestion();
  });
  const [currentId, setCurrentId] = useState(initialId);
  const [initialResponses] = useState(() => enterQuestion(data.responses, initialId));
  // The ref is what callbacks read and write synchronously (two puts in one click see each other);
  // the state is its copy for rendering.
  const responsesRef = useRef<Record<string, SavedAnswer>>(initialResponses);
  const [responses, setResponses] = useState(initialResponses);
  const committedRef = useRef<Record<string, Committed>>(
    Object.fromEntries(
      Object.values(data.responses)
        .filter((r) => isSaved(r.state))
        .map((r) => [r.questionId, { answer: r.answer, state: r.state }]),
    ),
  );
  const seqRef = useRef(data.lastSeq);
  const [sync, setSync] = useState<SyncSnapshot>({
    pendingIds: new Set(),
    isOnline: true,
    isDeviceReplaced: false,
    rejections: {},
  });
  const syncRef = useRef<AttemptSync | null>(null);

  useEffect(() => {
    const engine = new AttemptSync(attemptId, deviceId, setSync, setServerState);
    engine.start(data.unsent);
    syncRef.current = engine;
    return () => engine.stop();
  }, [attemptId, deviceId, data.unsent]);
  // For the proctoring (issue 14), whose events travel on the same socket; read in effects that run
  // after the one above.
  const getConnection = useCallback(() => syncRef.current?.connection ?? null, []);
  const refreshState = useCallback(() => syncRef.current?.refreshState(), []);

  // When the candidate reached the current question; set after mount (no clock read during render).
  const enteredAtRef = useRef(0);
  useEffect(() => {
    enteredAtRef.current = Date.now();
  }, []);

  const put = useCallback((save: SavedAnswer, isLocalOnly = false) => {
    responsesRef.current = { ...responsesRef.current, [save.questionId]: save };
    setResponses(responsesRef.current);
    if (!isLocalOnly) void syncRef.current?.record(save); // record never rejects; it retries on its own
  }, []);

  const buildSave = useCallback(
    (questionId: string, answer: Answer | null, state: PaletteState): SavedAnswer => {
      const previous = responsesRef.current[questionId];
      const now = Date.now();
      const extra = questionId === currentId ? now - enteredAtRef.current : 0;
      if (questionId === currentId) enteredAtRef.current = now;
      seqRef.current += 1;
      return {
        questionId,
        answer,
        state,
        seq: seqRef.current,
        visits: previous?.visits ?? 1,
        timeSpentMs: (previous?.timeSpentMs ?? 0) + extra,
        answeredAt: now + data.offsetMs,
      };
    },
    [currentId, data.offsetMs],
  );

  /** Leaves the current question (recording its time, undoing unsaved edits of a saved answer) and enters another. */
  const goTo = useCallback(
    (targetId: string, hasJustSaved = false) => {
      const leaving = currentId;
      if (!hasJustSaved && clock.isSectionOpen(sectionOf.get(leaving) ?? '')) {
        const { answer, state } = leaveState(responsesRef.current[leaving], committedRef.current[leaving]);
        put(buildSave(leaving, answer, state));
      }
      if (targetId === leaving) return;
      const entered = enterQuestion(responsesRef.current, targetId)[targetId];
      if (entered) put(entered, true);
      enteredAtRef.current = Date.now();
      setCurrentId(targetId);
      void rememberQuestion(attemptId, targetId).catch(() => undefined); // only a resume hint
    },
    [attemptId, buildSave, clock, currentId, put, sectionOf],
  );

  const neighbour = useCallback(
    (step: 1 | -1) => {
      const sectionId = sectionOf.get(currentId);
      const ids = questionIds.filter((id) => !clock.isLocked || sectionOf.get(id) === sectionId);
      return ids[ids.indexOf(currentId) + step];
    },
    [clock.isLocked, currentId, questionIds, sectionOf],
  );

  const saveWith = useCallback(
    (mark: boolean) => {
      const answer = responsesRef.current[currentId]?.answer ?? null;
      const saved = saveState(answer, mark);
      committedRef.current[currentId] = { answer, state: saved.state };
      put(buildSave(currentId, saved.answer, saved.state));
      goTo(neighbour(1) ?? currentId, true);
    },
    [buildSave, currentId, goTo, neighbour, put],
  );

  // A locked section that closes moves the candidate on; they never return to it. The close is the
  // clock's event (its tick), so the move runs as a task of its own rather than inside this render's
  // effects, where it would set state in a cascade.
  useEffect(() => {
    const sectionId = sectionOf.get(currentId);
    if (!sectionId || clock.isSectionOpen(sectionId)) return;
    const next = firstOpenQuestion();
    if (next === currentId) return;
    const timer = setTimeout(() => goTo(next, true), 0);
    return () => clearTimeout(timer);
  }, [clock, currentId, firstOpenQuestion, goTo, sectionOf]);

  // At zero the server submits; wait for its word before saying so.
  const isTimeUp = clock.totalRemainingMs <= 0 && serverState.attempt.status !== 'submitted';
  useEffect(() => {
    if (!isTimeUp) return;
    void syncRef.current?.flush();
    const timer = setInterval(() => {
      fetchState(attemptId).then(setServerState, () => undefined);
    }, 2_000);
    return () => clearInterval(timer);
  }, [attemptId, isTimeUp]);

  const submit = useCallback(async () => {
    const current = responsesRef.current[currentId];
    put(buildSave(currentId, current?.answer ?? null, leaveState(current, undefined).state));
    await syncRef.current?.flush();
    setServerState(await submitAttempt(attemptId));
  }, [attemptId, buildSave, currentId, put]);

  const stateOf = (id: string): PaletteState => responses[id]?.state ?? 'not_visited';
  return {
    title: data.paper.paper.name,
    optionOrder: data.paper.order.optionOrder,
    sections,
    currentId,
    currentSectionId: sectionOf.get(currentId) ?? '',
    responses,
    stateOf,
    sync,
    clock,
    serverState,
    isTimeUp,
    getConnection,
    refreshState,
    hasPrevious: neighbour(-1) !== undefined,
    hasNext: neighbour(1) !== undefined,
    setAnswer: (answer: Answer | null) => {
      put(buildSave(currentId, answer, editState(responses[currentId]?.state, answer)));
    },
    saveAndNext: () => saveWith(false),
    saveAndMark: () => saveWith(true),
    markAndNext: () => saveWith(true),
    clearResponse: () => {
      delete committedRef.current[currentId];
      put(buildSave(currentId, null, 'not_answered'));
    },
    goTo: (id: string) => goTo(id),
    goBack: () => {
      const previous = neighbour(-1);
      if (previous) goTo(previous);
    },
    goNext: () => {
      const next = neighbour(1);
      if (next) goTo(next);
    },
    submit,
  };
}

export type ExamSession = ReturnType<typeof useExamSession>;
