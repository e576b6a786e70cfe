// The proctor's pages (the virtual grid, the socket, the review's players) load on first visit.
import { lazy } from 'react';

export const ProctoredExamsPage = lazy(() =>
  import('./ProctoredExamsPage').then((module) => ({ default: module.ProctoredExamsPage })),
);
export const ProctorRoomPage = lazy(() =>
  import('./ProctorRoomPage').then((module) => ({ default: module.ProctorRoomPage })),
);
export const ProctorReviewPage = lazy(() =>
  import('./ProctorReviewPage').then((module) => ({ default: module.ProctorReviewPage })),
);
