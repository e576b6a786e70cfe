import type { FastifyBaseLogger } from 'fastify';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { PROCTOR_EVENT_KINDS } from '@examtech/core';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError } from '../../platform/errors/app-error.js';
import { toErrorBody } from '../../platform/errors/error-handler.js';
import type { SocketUser } from '../../platform/realtime.js';
import type { ProctoringRoom } from './proctoring-room.js';
import { proctorRoom } from './proctoring-scope.js';
import type { ProctoringSignals } from './proctoring-signals.js';

type Ack = (response: unknown) => void;
const toAck = (ack: unknown): Ack => (typeof ack === 'function' ? (ack as Ack) : () => undefined);

export const clientEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(PROCTOR_EVENT_KINDS),
  startedAt: z.number().int().nonnegative(),
  durationMs: z.number().int().nonnegative().max(86_400_000),
  questionId: z.uuid().optional(),
  evidenceId: z.uuid().optional(),
});
export const eventBatchSchema = z.object({ events: z.array(clientEventSchema).min(1).max(50) });
const socketEventsSchema = eventBatchSchema.extend({ attemptId: z.uuid() });
const watchSchema = z.object({ examId: z.uuid() });

const attemptRoom = (attemptId: string) => `attempt:${attemptId}`;
/** Grid updates are merged per exam and sent at most this often per instance. */
const UPDATE_FLUSH_MS = 1000;

function invalid(error: z.ZodError): AppError {
  return new AppError('VALIDATION_FAILED', undefined, {
    fields: error.issues
      .slice(0, 20)
      .map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}

/** Socket events of proctoring: the candidate's signals (acknowledged once stored) and proctors watching a room. */
export function registerProctoringSocket(
  signals: ProctoringSignals,
  room: ProctoringRoom,
  log: FastifyBaseLogger,
) {
  return (socket: Socket, user: SocketUser): void => {
    const actor = { userId: user.userId, role: user.role as 'student', instituteId: user.instituteId };
    const fail = (reply: Ack, err: unknown, event: string) =>
      reply({ error: toErrorBody(err, log, { socketId: socket.id, userId: user.userId, event }).error });

    socket.on('proctor:events', (payload: unknown, ack: unknown) => {
      const reply = toAck(ack);
      const parsed = socketEventsSchema.safeParse(payload);
      if (!parsed.success) return fail(reply, invalid(parsed.error), 'proctor:events');
      signals
        .recordEvents(actor, parsed.data.attemptId, parsed.data.events)
        .then(reply, (err: unknown) => fail(reply, err, 'proctor:events'));
    });

    socket.on('proctor:watch', (payload: unknown, ack: unknown) => {
      const reply = toAck(ack);
      const parsed = watchSchema.safeParse(payload);
      if (!parsed.success) return fail(reply, invalid(parsed.error), 'proctor:watch');
      room.watchRooms(actor, parsed.data.examId).then(
        async (rooms) => {
          await socket.join(rooms);
          reply({ ok: true });
        },
        (err: unknown) => fail(reply, err, 'proctor:watch'),
      );
    });

    socket.on('proctor:unwatch', (payload: unknown, ack: unknown) => {
      const parsed = watchSchema.safeParse(payload);
      if (!parsed.success) return fail(toAck(ack), invalid(parsed.error), 'proctor:unwatch');
      const prefix = `proctor:${parsed.data.examId}:`;
      for (const joined of socket.rooms) if (joined.startsWith(prefix)) void socket.leave(joined);
      toAck(ack)({ ok: true });
    });
  };
}

/**
 * Domain events to sockets. Alerts go at once to the rooms of the candidate's batches and the
 * institute's (through the Redis adapter: whatever instance a proctor is on); grid updates are
 * merged per exam and candidate and flushed once a second, so 2,000 candidates do not become one
 * message per event per proctor. The candidate's room hears warnings, messages and clock changes.
 */
export function deliverProctoring(io: Server, events: DomainEvents): () => void {
  type Queued = { rooms: string[]; row: Record<string, unknown> };
  const pending = new Map<string, Map<string, Queued>>();
  const queueUpdate = (
    examId: string,
    rooms: string[],
    row: Record<string, unknown> & { userId: string },
  ) => {
    let rows = pending.get(examId);
    if (!rows) pending.set(examId, (rows = new Map<string, Queued>()));
    const previous = rows.get(row.userId);
    rows.set(row.userId, { rooms, row: { ...previous?.row, ...row } });
  };
  const timer = setInterval(() => {
    for (const [examId, rows] of pending) {
      const byRoom = new Map<string, Record<string, unknown>[]>();
      for (const { rooms, row } of rows.values())
        for (const name of rooms) byRoom.set(name, [...(byRoom.get(name) ?? []), row]);
      for (const [name, list] of byRoom) io.to(name).emit('proctor:updates', { examId, rows: list });
    }
    pending.clear();
  }, UPDATE_FLUSH_MS);
  timer.unref();

  const roomsOf = (examId: string, batchIds: readonly string[]) => [
    proctorRoom(examId, null),
    ...batchIds.map((id) => proctorRoom(examId, id)),
  ];

  events.on('proctoring.signals', (signal) => {
    const rooms = roomsOf(signal.examId, signal.batchIds);
    // One emit to several rooms: a socket in more than one (a proctor of two batches) gets it once.
    for (const alert of signal.alerts)
      io.to(rooms).emit('proctor:alert', {
        ...alert,
        examId: signal.examId,
        attemptId: signal.attemptId,
        userId: signal.userId,
        name: signal.name,
      });
    queueUpdate(signal.examId, rooms, {
      userId: signal.userId,
      attemptId: signal.attemptId,
      violations: signal.counts,
      trustScore: signal.trustScore,
      status: signal.status,
    });
    if (signal.isWarned)
      io.to(attemptRoom(signal.attemptId)).emit('proctor:warning', {
        violations: signal.violations,
        kind: signal.alerts.at(-1)?.kind ?? null,
      });
  });

  events.on('proctoring.snapshot', (snapshot) => {
    queueUpdate(snapshot.examId, roomsOf(snapshot.examId, snapshot.batchIds), {
      userId: snapshot.userId,
      attemptId: snapshot.attemptId,
      latestSnapshot: { evidenceId: snapshot.evidenceId, takenAt: snapshot.takenAt },
    });
  });

  events.on('proctoring.message', (message) => {
    // A proctor's warning is a message marked as one; `proctor:warning` is the threshold's.
    io.to(attemptRoom(message.attemptId)).emit('proctor:message', {
      id: message.id,
      text: message.text,
      from: message.from,
      at: message.at,
      isWarning: message.kind === 'warn',
    });
  });

  events.on('attempt.controlled', (change) => {
    const room = io.to(attemptRoom(change.attemptId));
    if (change.change === 'paused') room.emit('attempt:paused', { reason: change.reason });
    else if (change.change === 'resumed')
      room.emit('attempt:resumed', { deadlineAt: change.deadlineAt, addedMs: change.addedMs });
    else if (change.change === 'extended')
      room.emit('attempt:time-changed', {
        deadlineAt: change.deadlineAt,
        addedMs: change.addedMs,
        reason: change.reason,
      });
    else room.emit('attempt:terminated', { reason: change.reason });
  });

  return () => clearInterval(timer);
}
