// One id per browser tab: a reload keeps it (same device, no takeover); another tab or device gets its own.
const DEVICE_KEY = 'examtech.deviceId';

export function getDeviceId(): string {
  let id = sessionStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = `tab-${crypto.randomUUID()}`;
    sessionStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

/** Takes back the id this browser last started an attempt with (a restarted browser has a new tab id). */
export function adoptDeviceId(id: string): void {
  sessionStorage.setItem(DEVICE_KEY, id);
}

const attemptKey = (examId: string) => `examtech.exam.${examId}`;

/** Remembers that this tab is inside an exam, so a reload resumes it without the pre-exam screen. */
export function rememberActiveExam(examId: string, language: string): void {
  sessionStorage.setItem(attemptKey(examId), language);
}

export function readActiveExam(examId: string): string | null {
  return sessionStorage.getItem(attemptKey(examId));
}
