// The browser signals of a proctored exam (contract, issue 14), from DOM events into the recorder:
// tab hidden, another window on top, full screen left, copy/paste/cut/context menu (also prevented),
// a second screen, and the network gone. Only the kinds the exam enables get a listener; every
// listener that does not need to cancel the event is passive, and none touches React.
//
// Devtools are not detected: the only signal a page has is the gap between the window's outer and
// inner size, and browser side panels (Chrome's reading list and Lens, Edge's sidebar and vertical
// tabs, Firefox's sidebar) open the same gap, so it would accuse candidates of what they did not do.
import type { SignalRecorder } from './signal-recorder';

/** Just the part of EventTarget the detector uses, so a test can hand in a plain EventTarget. */
export interface Listenable {
  addEventListener(type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void;
  removeEventListener(type: string, listener: (event: Event) => void, options?: EventListenerOptions): void;
}

export interface SignalEnvironment {
  window: Listenable;
  document: Listenable & {
    readonly visibilityState: DocumentVisibilityState;
    readonly fullscreenElement: Element | null;
    readonly activeElement: Element | null;
    hasFocus(): boolean;
    getSelection?(): { toString(): string } | null;
  };
  /** `window.screen`; `isExtended` exists where the Window Management API does (Chromium). */
  screen: (Listenable & { readonly isExtended?: boolean }) | null;
  navigator: { readonly onLine: boolean };
}

export interface DetectorHandlers {
  /** Full screen was left or taken again (the room asks the candidate to return). */
  onFullScreen?: (isFullScreen: boolean) => void;
}

export interface SignalDetector {
  /** Records `fullscreen_exit` now if the page is not in full screen (the room opened without it). */
  checkFullScreen(): void;
  /**
   * The page itself is about to take the focus away (a permission prompt, the screen picker): a
   * blur until the returned function is called (and a moment after) is not the candidate's doing.
   */
  expectFocusLoss(): () => void;
  stop(): void;
}

/** A blur that is only the first step of a tab switch is followed by `hidden` within this time. */
export const BLUR_SETTLE_MS = 500;
/** After the page's own prompt closes, the focus takes a moment to come back. */
const PROMPT_GRACE_MS = 1_000;

export function browserEnvironment(): SignalEnvironment {
  // TypeScript's Screen is not an EventTarget yet; Chromium's is (its 'change' event), others' may not be.
  const screen = window.screen as unknown as Partial<Listenable>;
  const isListenable = typeof screen.addEventListener === 'function';
  return {
    window,
    document,
    screen: isListenable ? (screen as SignalEnvironment['screen']) : null,
    navigator,
  };
}

export function startSignalDetector(
  env: SignalEnvironment,
  recorder: SignalRecorder,
  handlers: DetectorHandlers = {},
): SignalDetector {
  const { document: doc } = env;
  const removers: (() => void)[] = [];
  const listen = (
    target: Listenable,
    type: string,
    listener: (event: Event) => void,
    options: AddEventListenerOptions = { passive: true },
  ) => {
    target.addEventListener(type, listener, options);
    removers.push(() => target.removeEventListener(type, listener, options));
  };
  const wants = (...kinds: Parameters<SignalRecorder['isEnabled']>[0][]) =>
    kinds.some((kind) => recorder.isEnabled(kind));

  let blurTimer: ReturnType<typeof setTimeout> | undefined;
  let openPrompts = 0;
  let promptGraceUntil = 0;

  if (wants('tab_hidden', 'window_blur')) {
    const onVisibility = () => {
      if (doc.visibilityState === 'hidden') {
        // A tab switch blurs the window first; it is one signal, the hidden tab.
        clearTimeout(blurTimer);
        recorder.end('window_blur');
        recorder.start('tab_hidden');
      } else recorder.end('tab_hidden');
    };
    listen(doc, 'visibilitychange', onVisibility);
    if (doc.visibilityState === 'hidden') recorder.start('tab_hidden');

    listen(env.window, 'blur', () => {
      if (doc.visibilityState !== 'visible' || openPrompts > 0 || Date.now() < promptGraceUntil) return;
      const since = Date.now();
      clearTimeout(blurTimer);
      blurTimer = setTimeout(() => {
        // Still visible and still without focus: another window is on top. Focus inside an iframe of
        // the page itself blurs the window too, and is not leaving it.
        if (doc.visibilityState !== 'visible' || doc.hasFocus()) return;
        if (doc.activeElement?.tagName === 'IFRAME') return;
        recorder.start('window_blur', since);
      }, BLUR_SETTLE_MS);
    });
    listen(env.window, 'focus', () => {
      clearTimeout(blurTimer);
      recorder.end('window_blur');
    });
  }

  const checkFullScreen = () => {
    const isFullScreen = doc.fullscreenElement !== null;
    if (isFullScreen) recorder.end('fullscreen_exit');
    else recorder.start('fullscreen_exit');
    handlers.onFullScreen?.(isFullScreen);
  };
  if (wants('fullscreen_exit')) listen(doc, 'fullscreenchange', checkFullScreen);

  // Not passive: the default (the clipboard, the menu) is what is being refused.
  const refuse = (kind: 'copy' | 'paste' | 'cut' | 'context_menu') => (event: Event) => {
    event.preventDefault();
    // Ctrl+C with nothing selected copies nothing: refused all the same, but no one is accused of it.
    if ((kind === 'copy' || kind === 'cut') && !hasSelection(event)) return;
    recorder.instant(kind);
  };
  const hasSelection = (event: Event) => {
    const field = event.target as { selectionStart?: unknown; selectionEnd?: unknown } | null;
    if (typeof field?.selectionStart === 'number' && typeof field.selectionEnd === 'number')
      return field.selectionStart !== field.selectionEnd;
    const selection = doc.getSelection?.();
    return selection ? selection.toString().length > 0 : true;
  };
  const active = { passive: false, capture: true };
  if (wants('copy')) listen(doc, 'copy', refuse('copy'), active);
  if (wants('paste')) listen(doc, 'paste', refuse('paste'), active);
  if (wants('cut')) listen(doc, 'cut', refuse('cut'), active);
  if (wants('context_menu')) listen(doc, 'contextmenu', refuse('context_menu'), active);

  const screen = env.screen;
  if (wants('second_screen') && screen && typeof screen.isExtended === 'boolean') {
    const onScreens = () => {
      if (screen.isExtended) recorder.start('second_screen');
      else recorder.end('second_screen');
    };
    listen(screen, 'change', onScreens);
    onScreens();
  }

  if (wants('offline')) {
    listen(env.window, 'offline', () => recorder.start('offline'));
    listen(env.window, 'online', () => recorder.end('offline'));
    if (!env.navigator.onLine) recorder.start('offline');
  }

  return {
    checkFullScreen: () => {
      if (wants('fullscreen_exit')) checkFullScreen();
    },
    expectFocusLoss: () => {
      openPrompts += 1;
      let isDone = false;
      return () => {
        if (isDone) return;
        isDone = true;
        openPrompts -= 1;
        promptGraceUntil = Date.now() + PROMPT_GRACE_MS;
      };
    },
    stop: () => {
      clearTimeout(blurTimer);
      for (const remove of removers) remove();
    },
  };
}
