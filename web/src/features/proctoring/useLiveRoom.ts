// The proctor's socket for one exam: joins the exam's room on every connect, merges the server's
// batched row updates into the room's cache once per animation frame, and hands alerts on.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { io } from 'socket.io-client';
import { proctoringKeys } from './api';
import { mergeUpdates } from './rows';
import type { CandidateUpdate, ProctorAlert, RoomData } from './types';

/** After an update for a candidate the page does not hold, read the room again at most this often. */
const UNKNOWN_REFETCH_MS = 30_000;

export interface LiveState {
  connected: boolean;
  /** The server refused `proctor:watch` (e.g. out of scope): its error code. */
  watchError: string | null;
}

export function useLiveRoom(examId: string, onAlerts: (alerts: ProctorAlert[]) => void): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>({ connected: false, watchError: null });
  const onAlertsRef = useRef(onAlerts);
  useEffect(() => {
    onAlertsRef.current = onAlerts;
  }, [onAlerts]);

  useEffect(() => {
    const key = proctoringKeys.room(examId);
    let updates: CandidateUpdate[] = [];
    let alerts: ProctorAlert[] = [];
    let frame: number | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastUnknownRefetch = 0;
    let hasConnected = false;

    const flush = () => {
      frame = null;
      timer = null;
      if (updates.length > 0) {
        const batch = updates;
        updates = [];
        let unknown = 0;
        client.setQueryData<RoomData>(key, (room) => {
          if (!room) return room;
          const merged = mergeUpdates(room.candidates, batch);
          unknown = merged.unknown;
          return merged.rows === room.candidates ? room : { ...room, candidates: merged.rows };
        });
        const room = client.getQueryData<RoomData>(key);
        // A candidate registered after the page loaded: fetch the room again (not when capped: the
        // unknown rows are the ones beyond the cap).
        if (unknown > 0 && room && !room.capped && Date.now() - lastUnknownRefetch > UNKNOWN_REFETCH_MS) {
          lastUnknownRefetch = Date.now();
          void client.invalidateQueries({ queryKey: key });
        }
      }
      if (alerts.length > 0) {
        const batch = alerts;
        alerts = [];
        onAlertsRef.current(batch);
      }
    };
    // Many messages in one frame are one state update (and one render of the grid). A hidden tab
    // gets no frames: a timer then, so alerts still sound while the proctor looks elsewhere.
    const schedule = () => {
      if (frame !== null || timer !== null) return;
      if (document.visibilityState === 'hidden') timer = setTimeout(flush, 250);
      else frame = requestAnimationFrame(flush);
    };

    const socket = io({ transports: ['websocket', 'polling'], reconnectionDelayMax: 10_000 });
    socket.on('connect', () => {
      setState({ connected: true, watchError: null });
      socket.emit('proctor:watch', { examId }, (reply: { ok: true } | { error: { code: string } }) => {
        if ('error' in reply) setState({ connected: true, watchError: reply.error.code });
      });
      // Updates sent while this socket was away are lost: read the room again after a reconnect.
      if (hasConnected) void client.invalidateQueries({ queryKey: key });
      hasConnected = true;
    });
    socket.on('disconnect', () => setState((s) => ({ ...s, connected: false })));
    socket.on('proctor:updates', (message: { examId: string; rows: CandidateUpdate[] }) => {
      if (message.examId !== examId) return;
      updates.push(...message.rows);
      schedule();
    });
    socket.on('proctor:alert', (alert: ProctorAlert) => {
      if (alert.examId !== examId) return;
      alerts.push(alert);
      schedule();
    });
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      if (socket.connected) socket.emit('proctor:unwatch', { examId });
      socket.disconnect();
    };
  }, [client, examId]);

  return state;
}
