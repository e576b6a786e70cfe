import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { LoadError } from '../../components/QueryStates';
import { useUiLanguage } from '../../i18n/ui-language';
import { useSession } from '../auth/session';
import { fetchState, startExam } from './api';
import { sendJournalLeftovers } from './socket-sync';
import { getDeviceId, readActiveExam, rememberActiveExam } from './device-id';
import { useExamInfo } from './exam-info';
import { ExamEndedScreen } from './ExamEndedScreen';
import { ExamRoom } from './ExamRoom';
import type { RoomProctoring } from './proctoring/kinds';
import { releaseProctoringMedia } from './proctoring/media';
import { useProctoring } from './proctoring/useProctoring';
import { PreExamScreen } from './PreExamScreen';
import { ResultView } from './ResultView';
import type { AttemptState, Language } from './types';
import { useAttemptData, type AttemptData } from './useAttemptData';
import { useExamSession } from './useExamSession';

function FullLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100dvh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** /exam/:examId — full screen, outside the app shell: pre-exam, the room, then the result. */
export function ExamRoomPage() {
  const { t } = useTranslation();
  const { examId = '' } = useParams();
  const session = useSession();
  const info = useExamInfo(examId);
  const ui = useUiLanguage();
  const resumeLanguage = readActiveExam(examId);
  const [language, setContentLanguage] = useState<Language>(
    (resumeLanguage as Language | null) ?? ui.language,
  );
  // One language for the candidate: the room's chrome follows the language they read the paper in.
  const setLanguage = (next: Language) => {
    setContentLanguage(next);
    ui.setLanguage(next);
  };
  const [state, setState] = useState<AttemptState | null>(null);
  const [terminatedReason, setTerminatedReason] = useState<string | null>(null);
  const onSubmitted = useCallback<OnSubmitted>((submitted, reason) => {
    setTerminatedReason(reason);
    setState(submitted);
  }, []);
  const [isStarting, setStarting] = useState(resumeLanguage !== null);
  const [startError, setStartError] = useState<unknown>(null);
  const hasResumed = useRef(false);

  const start = (chosen: Language, hasProctoringConsent: boolean) => {
    setStarting(true);
    setStartError(null);
    startExam(examId, getDeviceId(), hasProctoringConsent)
      .then(async (started) => {
        if (started.attempt.status !== 'submitted') return started;
        const isHeard = await sendJournalLeftovers(started.attempt.id, getDeviceId()).catch(() => false);
        return isHeard ? fetchState(started.attempt.id) : started;
      })
      .then(
        (started) => {
          rememberActiveExam(examId, chosen);
          setLanguage(chosen);
          setState(started);
        },
        (error: unknown) => {
          setStartError(error);
          setStarting(false);
        },
      );
  };

  useEffect(() => {
    // A reload inside the exam goes straight back in (same tab, same device id), once the
    // session (and with it the CSRF token) is known.
    if (resumeLanguage !== null && session.data && !hasResumed.current) {
      hasResumed.current = true;
      // This tab started the attempt, so it gave the proctoring consent Start asked for then.
      start(resumeLanguage as Language, true);
    }
  });

  // Once the exam is over (or the page is left) the screen share and full screen are let go.
  const isSubmitted = state?.attempt.status === 'submitted';
  useEffect(() => {
    if (isSubmitted) releaseProctoringMedia();
  }, [isSubmitted]);
  useEffect(() => releaseProctoringMedia, []);

  if (session.isPending) return <FullLoader />;
  if (!session.data) return <Navigate to="/login" replace state={{ from: `/exam/${examId}` }} />;
  const title = info.data?.title ?? t('examRoom.exam');
  if (state?.attempt.status === 'submitted')
    return <ResultView state={state} title={title} language={language} terminatedReason={terminatedReason} />;
  if (state)
    return (
      <LoadedRoom
        initial={state}
        proctoring={info.data?.proctoring ?? null}
        candidateName={session.data.name}
        language={language}
        onLanguage={setLanguage}
        onSubmitted={onSubmitted}
      />
    );
  if (isStarting && resumeLanguage !== null && !startError) return <FullLoader />;
  // Until the server says whether this candidate may still sit it, nothing of the pre-exam screen:
  // a submitted or ended exam would flash its instructions and Start first. A request held back
  // offline (paused) may never come: then the screen shows what it can, as before.
  if (info.isPending && info.fetchStatus !== 'paused') return <FullLoader />;
  // Submitted, too late to start, or the attempt's time is up: no instructions, no Start, but where to go.
  if (info.data?.isOver) return <ExamEndedScreen title={title} attemptId={info.data.attemptId} />;
  return (
    <PreExamScreen
      info={info.data ?? null}
      candidateName={session.data.name}
      isStarting={isStarting}
      startError={startError}
      onStart={start}
    />
  );
}

/** `reason`: the proctoring's, when it ended the exam (else null). */
type OnSubmitted = (state: AttemptState, reason: string | null) => void;

function LoadedRoom(props: {
  initial: AttemptState;
  proctoring: RoomProctoring | null;
  candidateName: string;
  language: Language;
  onLanguage: (l: Language) => void;
  onSubmitted: OnSubmitted;
}) {
  const { data, error } = useAttemptData(props.initial);
  if (error) return <LoadError error={error} onRetry={() => window.location.reload()} />;
  if (!data) return <FullLoader />;
  return <LiveRoom data={data} {...props} />;
}

function LiveRoom({
  data,
  proctoring,
  candidateName,
  language,
  onLanguage,
  onSubmitted,
}: {
  data: AttemptData;
  proctoring: RoomProctoring | null;
  candidateName: string;
  language: Language;
  onLanguage: (l: Language) => void;
  onSubmitted: OnSubmitted;
}) {
  const session = useExamSession(data, getDeviceId());
  const { serverState } = session;
  // After useExamSession: its effect opens the socket this one's events travel on.
  const proctor = useProctoring({
    attemptId: serverState.attempt.id,
    settings: proctoring,
    offsetMs: data.offsetMs,
    currentQuestionId: session.currentId,
    violations: serverState.attempt.violations ?? null,
    getConnection: session.getConnection,
    refreshState: session.refreshState,
  });
  const terminatedReason = proctor.view?.terminatedReason ?? null;
  useEffect(() => {
    if (serverState.attempt.status === 'submitted') onSubmitted(serverState, terminatedReason);
  }, [onSubmitted, serverState, terminatedReason]);
  return (
    <ExamRoom
      session={session}
      proctor={proctor}
      candidateName={candidateName}
      language={language}
      onLanguage={(next) => {
        rememberActiveExam(serverState.attempt.examId, next);
        onLanguage(next);
      }}
    />
  );
}
