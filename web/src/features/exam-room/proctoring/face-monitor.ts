// Placeholder: the face helper's on-device face check replaces this file. The room imports it only
// when the exam takes webcam snapshots and carries on without face checks when it throws.
export async function startFaceMonitor(
  _video: HTMLVideoElement,
  _handlers: {
    onEvent(e: {
      kind: 'no_face' | 'multiple_faces' | 'face_away';
      startedAt: number;
      endedAt: number | null;
    }): void;
  },
): Promise<{ stop(): void }> {
  throw new Error('face monitor missing');
}
