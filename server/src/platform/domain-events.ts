import { EventEmitter } from 'node:events';

/** Events services emit; the real-time module (and later others) react. Typed so names cannot drift. */
export type DomainEventMap = {
  /** Every session of the user but `exceptSessionId` (the one that changed the password) ended. */
  'user.sessionsRevoked': { userId: string; exceptSessionId?: string };
  /** One session ended (logout): its sockets must close on every instance. */
  'session.revoked': { sessionId: string };
  /** A candidate opened the attempt on another device: the previous one must stop writing. */
  'attempt.deviceChanged': { attemptId: string; deviceId: string };
  /** An exam's schedule or candidates changed: attempts are prepared ahead of T0. */
  'exam.scheduled': { examId: string };
};

export type DomainEvents = {
  emit<K extends keyof DomainEventMap>(name: K, payload: DomainEventMap[K]): void;
  on<K extends keyof DomainEventMap>(name: K, listener: (payload: DomainEventMap[K]) => void): void;
};

export function createDomainEvents(): DomainEvents {
  const emitter = new EventEmitter();
  return {
    emit: (name, payload) => {
      emitter.emit(name, payload);
    },
    on: (name, listener) => {
      emitter.on(name, listener);
    },
  };
}
