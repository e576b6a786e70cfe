// The alerts panel's list and the optional alert sound (a beep made by the Web Audio API: nothing
// is downloaded, and it stays silent until the proctor turns it on).
import type { ProctorAlert } from './types';

export const MAX_ALERTS = 200;
const SOUND_KEY = 'examtech.proctoring.sound';

/** New alerts on top, newest first, no id twice, at most `max`. */
export function addAlerts(
  list: readonly ProctorAlert[],
  incoming: readonly ProctorAlert[],
  max = MAX_ALERTS,
): ProctorAlert[] {
  if (incoming.length === 0) return list as ProctorAlert[];
  const seen = new Set<string>();
  const out: ProctorAlert[] = [];
  for (const alert of [...incoming].reverse().concat(list)) {
    if (seen.has(alert.id)) continue;
    seen.add(alert.id);
    out.push(alert);
    if (out.length === max) break;
  }
  return out;
}

export function alertTime(alert: Pick<ProctorAlert, 'startedAt'>): number {
  return typeof alert.startedAt === 'number' ? alert.startedAt : Date.parse(alert.startedAt);
}

export function readSoundPreference(): boolean {
  try {
    return globalThis.localStorage?.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export function storeSoundPreference(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // Private mode or a full store: the choice lasts for this page only.
  }
}

let context: AudioContext | null = null;
let lastBeepAt = 0;

/** A 0.15 s 880 Hz tone, at most one a second however many alerts arrive. */
export function beep(): void {
  const now = Date.now();
  if (now - lastBeepAt < 1_000 || typeof AudioContext === 'undefined') return;
  lastBeepAt = now;
  try {
    context ??= new AudioContext();
    // A context made before a click starts suspended; the sound toggle's click resumes it.
    if (context.state === 'suspended') void context.resume();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = 880;
    const start = context.currentTime;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.15);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.16);
  } catch {
    // No audio device: the alert still shows.
  }
}

/** Called from the toggle's click, so the browser lets the context play later. */
export function unlockAudio(): void {
  if (typeof AudioContext === 'undefined') return;
  try {
    context ??= new AudioContext();
    void context.resume();
  } catch {
    // As above.
  }
}
