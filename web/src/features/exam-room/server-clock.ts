// The offset between the server's clock and this device's (integrity rule 2), remembered for an
// offline reload. A serverNow the service worker replays from its cache is no newer than the last one
// measured and measures nothing: the last measurement stands, so countdowns still end on time.
import { recallOffline, rememberOffline } from '../../service-worker/offline-cache';

interface Measurement {
  serverNow: string;
  offsetMs: number;
}

/**
 * The offset a response implies: the server stamped `serverNow` about halfway through the round
 * trip from `sentAt` to `receivedAt` (this device's clock), so server time minus the midpoint.
 */
export function estimateClockOffset(serverNow: string, sentAt: number, receivedAt: number): number {
  return Date.parse(serverNow) - (sentAt + receivedAt) / 2;
}

/** Server time minus this device's time, in ms, given a response's serverNow and the offset it implies. */
export function settleClockOffset(serverNow: string, measuredMs: number): number {
  const last = recallOffline<Measurement>('clock');
  if (last && Date.parse(serverNow) <= Date.parse(last.serverNow)) return last.offsetMs;
  rememberOffline('clock', { serverNow, offsetMs: measuredMs } satisfies Measurement);
  return measuredMs;
}
