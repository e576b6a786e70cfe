// The proctoring signals of the exam room (issue 14): what a proctor will see, produced from the
// DOM events a browser dispatches, on a fake clock. The window, document and screen are plain
// EventTargets with the properties the browser would have.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  enabledKinds,
  type ClientEvent,
  type ProctoringSettings,
} from '../src/features/exam-room/proctoring/kinds';
import {
  startSignalDetector,
  type SignalDetector,
  type SignalEnvironment,
} from '../src/features/exam-room/proctoring/signal-detector';
import { SignalRecorder } from '../src/features/exam-room/proctoring/signal-recorder';

class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  fullscreenElement: Element | null = null;
  activeElement: Element | null = null;
  isFocused = true;
  selectedText = 'the selected words';
  hasFocus() {
    return this.isFocused;
  }
  getSelection() {
    return { toString: () => this.selectedText };
  }
}
class FakeScreen extends EventTarget {
  isExtended = false;
}

const SETTINGS: ProctoringSettings = {
  webcamSnapshots: false,
  snapshotIntervalSeconds: 60,
  screenRecording: false,
  tabSwitchDetection: true,
  fullScreenRequired: true,
  warnAfterViolations: 3,
  submitAfterViolations: 5,
};
const START = Date.parse('2026-03-01T09:00:00.000Z');
/** This device's clock is 2 s behind the server's. */
const OFFSET_MS = 2_000;

let win: EventTarget;
let doc: FakeDocument;
let screen: FakeScreen;
let online: { onLine: boolean };
let sent: ClientEvent[];
let questionId: string;
let detector: SignalDetector | null;
let recorder: SignalRecorder | null;

function begin(settings: Partial<ProctoringSettings> = {}, onFullScreen?: (is: boolean) => void) {
  recorder = new SignalRecorder({
    enabled: enabledKinds({ ...SETTINGS, ...settings }),
    offsetMs: OFFSET_MS,
    questionId: () => questionId,
    emit: (event) => sent.push(event),
  });
  const env: SignalEnvironment = { window: win, document: doc, screen, navigator: online };
  detector = startSignalDetector(env, recorder, { onFullScreen });
  return detector;
}

const fire = (target: EventTarget, type: string) => {
  const event = new Event(type, { cancelable: true });
  target.dispatchEvent(event);
  return event;
};
const hideTab = () => {
  doc.visibilityState = 'hidden';
  fire(doc, 'visibilitychange');
};
const showTab = () => {
  doc.visibilityState = 'visible';
  fire(doc, 'visibilitychange');
};
/** Each occurrence (by id): its kind and every duration sent for it, in order. */
const occurrences = () => {
  const byId = new Map<string, { kind: string; durations: number[] }>();
  for (const event of sent) {
    const entry = byId.get(event.id) ?? { kind: event.kind, durations: [] };
    entry.durations.push(event.durationMs);
    byId.set(event.id, entry);
  }
  return [...byId.values()];
};

beforeEach(() => {
  vi.useFakeTimers({ now: START });
  win = new EventTarget();
  doc = new FakeDocument();
  screen = new FakeScreen();
  online = { onLine: true };
  sent = [];
  questionId = 'q-7';
  detector = null;
  recorder = null;
});
afterEach(() => {
  detector?.stop();
  recorder?.stop();
  vi.useRealTimers();
});

describe('leaving the exam tab', () => {
  it('is one event: sent at once, every 10 s while away, and with its full length on return', () => {
    begin();
    vi.advanceTimersByTime(3_000);
    hideTab();
    questionId = 'q-8'; // what is on screen when it began is what counts
    vi.advanceTimersByTime(25_000);
    showTab();
    expect(occurrences()).toEqual([{ kind: 'tab_hidden', durations: [0, 10_000, 20_000, 25_000] }]);
    const ids = new Set(sent.map((e) => e.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f-]{36}$/);
    for (const event of sent) {
      expect(event.startedAt).toBe(START + 3_000 + OFFSET_MS);
      expect(event.questionId).toBe('q-7');
    }
  });

  it('counts a tab switch once, not also as the window losing focus', () => {
    begin();
    fire(win, 'blur');
    vi.advanceTimersByTime(100);
    hideTab();
    vi.advanceTimersByTime(4_000);
    showTab();
    fire(win, 'focus');
    expect(occurrences()).toEqual([{ kind: 'tab_hidden', durations: [0, 4_000] }]);
  });

  it('is not watched when the exam does not detect tab switches', () => {
    begin({ tabSwitchDetection: false });
    hideTab();
    vi.advanceTimersByTime(15_000);
    showTab();
    expect(sent).toEqual([]);
  });
});

describe('another window on top', () => {
  it('records the time the exam window had no focus while still visible', () => {
    begin();
    doc.isFocused = false;
    fire(win, 'blur');
    vi.advanceTimersByTime(6_000);
    doc.isFocused = true;
    fire(win, 'focus');
    expect(occurrences()).toEqual([{ kind: 'window_blur', durations: [500, 6_000] }]);
    expect(sent[0]?.startedAt).toBe(START + OFFSET_MS);
  });

  it('ignores the blur the page causes itself (a screen picker it opened), but not one after it', () => {
    const detector = begin();
    const pickerClosed = detector.expectFocusLoss();
    doc.isFocused = false;
    fire(win, 'blur');
    vi.advanceTimersByTime(5_000);
    doc.isFocused = true;
    fire(win, 'focus');
    pickerClosed();
    expect(sent).toEqual([]);

    vi.advanceTimersByTime(2_000);
    doc.isFocused = false;
    fire(win, 'blur');
    vi.advanceTimersByTime(3_000);
    fire(win, 'focus');
    expect(occurrences()).toEqual([{ kind: 'window_blur', durations: [500, 3_000] }]);
  });
});

describe('full screen', () => {
  it('records leaving it until the candidate returns, and tells the room both times', () => {
    const changes: boolean[] = [];
    begin({}, (is) => changes.push(is));
    doc.fullscreenElement = {} as Element;
    fire(doc, 'fullscreenchange');
    doc.fullscreenElement = null;
    fire(doc, 'fullscreenchange');
    vi.advanceTimersByTime(12_000);
    doc.fullscreenElement = {} as Element;
    fire(doc, 'fullscreenchange');
    expect(changes).toEqual([true, false, true]);
    expect(occurrences()).toEqual([{ kind: 'fullscreen_exit', durations: [0, 10_000, 12_000] }]);
  });

  it('is not asked for when the exam does not require it', () => {
    const detector = begin({ fullScreenRequired: false });
    detector.checkFullScreen();
    fire(doc, 'fullscreenchange');
    expect(sent).toEqual([]);
  });
});

describe('copy, paste, cut and the context menu', () => {
  it('are refused and recorded, a burst of the same one once', () => {
    begin();
    const copies = [fire(doc, 'copy'), fire(doc, 'copy')];
    vi.advanceTimersByTime(300);
    const paste = fire(doc, 'paste');
    const cut = fire(doc, 'cut');
    const menu = fire(doc, 'contextmenu');
    vi.advanceTimersByTime(2_000);
    fire(doc, 'copy');
    for (const event of [...copies, paste, cut, menu]) expect(event.defaultPrevented).toBe(true);
    expect(occurrences()).toEqual([
      { kind: 'copy', durations: [0] },
      { kind: 'paste', durations: [0] },
      { kind: 'cut', durations: [0] },
      { kind: 'context_menu', durations: [0] },
      { kind: 'copy', durations: [0] },
    ]);
  });

  it('refuse a copy of nothing (Ctrl+C without a selection) without recording it', () => {
    begin();
    doc.selectedText = '';
    const copy = fire(doc, 'copy');
    const cut = fire(doc, 'cut');
    expect([copy.defaultPrevented, cut.defaultPrevented]).toEqual([true, true]);
    expect(sent).toEqual([]);
  });

  it('are left alone when the exam does not detect them', () => {
    begin({ tabSwitchDetection: false });
    expect(fire(doc, 'paste').defaultPrevented).toBe(false);
    expect(sent).toEqual([]);
  });
});

describe('a second screen', () => {
  it('is recorded when present at the start and until it is unplugged', () => {
    screen.isExtended = true;
    begin();
    vi.advanceTimersByTime(7_000);
    screen.isExtended = false;
    fire(screen, 'change');
    expect(occurrences()).toEqual([{ kind: 'second_screen', durations: [0, 7_000] }]);
  });

  it('is recorded when plugged in during the exam', () => {
    begin();
    expect(sent).toEqual([]);
    screen.isExtended = true;
    fire(screen, 'change');
    expect(occurrences()).toEqual([{ kind: 'second_screen', durations: [0] }]);
  });
});

describe('going offline', () => {
  it('lasts from the offline event until the online one', () => {
    begin();
    online.onLine = false;
    fire(win, 'offline');
    vi.advanceTimersByTime(31_000);
    online.onLine = true;
    fire(win, 'online');
    expect(occurrences()).toEqual([{ kind: 'offline', durations: [0, 10_000, 20_000, 30_000, 31_000] }]);
  });
});

it('stops listening when the room closes', () => {
  const detector = begin();
  detector.stop();
  hideTab();
  expect(fire(doc, 'copy').defaultPrevented).toBe(false);
  expect(sent).toEqual([]);
});
