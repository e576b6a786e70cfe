// The candidate's side of proctoring in the exam room (issue 14), in English: the consent before
// Start, the screen share, the header's indicator, and what the proctor says during the exam.
export const proctoringRoomEn = {
  consent: {
    title: 'Proctoring',
    intro: 'This exam is proctored. While you sit it:',
    tabSwitch:
      'Switching to another tab or window, copy, cut, paste and right-click (these are blocked), a second screen and losing the connection are recorded, with the time and the question on screen.',
    fullScreen: 'The exam runs in full screen. Leaving full screen is recorded.',
    webcam:
      'Your webcam takes a picture every {{seconds}} seconds and whenever something is recorded. Whether your face is in view is checked on this device; only the pictures are uploaded.',
    screen: 'Your whole screen is recorded and uploaded while you sit the exam.',
    retention_one: 'The records are kept for {{count}} day after the exam, then deleted.',
    retention_other: 'The records are kept for {{count}} days after the exam, then deleted.',
    audience: "Only your institute's proctors and the administrators of your batch can see them.",
    agree: 'I understand what is recorded and agree to it for this exam.',
    needed: 'Agree to the proctoring above to start.',
  },
  screenShare: {
    title: 'Screen sharing',
    ask: 'This exam records your whole screen. Share it before you start: choose "Entire screen" in the picker.',
    share: 'Share my screen',
    shared: 'Your screen is shared.',
    errors: {
      not_whole_screen: 'Choose "Entire screen" in the picker, not a window or a tab.',
      cancelled: 'Screen sharing was cancelled. Share your screen to go on.',
      unsupported:
        'This browser cannot share the screen. Use a recent Chrome, Edge or Firefox on a computer.',
      failed: 'Screen sharing did not start. Try again.',
    },
  },
  indicator: {
    label: 'Proctored',
    camera: {
      not_used: 'no camera',
      starting: 'camera starting',
      on: 'camera on',
      lost: 'camera off',
    },
    screen: {
      not_used: 'screen not recorded',
      on: 'screen shared',
      lost: 'screen not shared',
    },
    violations_one: '{{count}} violation',
    violations_other: '{{count}} violations',
  },
  fullScreen: {
    title: 'Return to full screen',
    text: 'This exam must be taken in full screen. The time outside it is recorded.',
    action: 'Return to full screen',
  },
  cameraLost: {
    title: 'The camera stopped',
    text: 'The camera stopped or its permission was taken back. This is recorded until it is on again.',
    action: 'Turn the camera on',
  },
  screenLost: {
    title: 'Your screen is not shared',
    text: 'This exam records your whole screen. The time without it is recorded; share it again.',
    action: 'Share my screen',
  },
  warning: {
    title: 'Warning',
    withLimit: 'Warning {{count}} of {{submitAfter}}: the exam is submitted at {{submitAfter}}.',
    withoutLimit_one: 'Warning: {{count}} violation has been recorded.',
    withoutLimit_other: 'Warning: {{count}} violations have been recorded.',
    cause: 'Last recorded: {{kind}}.',
    seenByProctor: 'Your proctor sees every recorded event.',
    ok: 'I understand',
  },
  kinds: {
    tab_hidden: 'left the exam tab',
    window_blur: 'another window in front of the exam',
    fullscreen_exit: 'left full screen',
    copy: 'copy',
    paste: 'paste',
    cut: 'cut',
    context_menu: 'right-click menu',
    second_screen: 'a second screen',
    devtools_open: 'developer tools',
    offline: 'connection lost',
    no_face: 'no face in view',
    multiple_faces: 'more than one face in view',
    face_away: 'looking away from the screen',
    screen_share_stopped: 'screen sharing stopped',
    camera_stopped: 'camera stopped',
    other: 'a violation',
  },
  message: {
    title: 'Message from the proctor',
    from: '{{name}}, {{time}}',
    dismiss: 'Dismiss',
  },
  paused: {
    title: 'Paused by the proctor',
    reason: 'Reason: {{reason}}',
    wait: 'Please wait. Your answers are kept, and the exam goes on when the proctor resumes it.',
  },
  timeChange: {
    added_one: '+{{count}} minute added to your time.',
    added_other: '+{{count}} minutes added to your time.',
    removed_one: '{{count}} minute taken off your time.',
    removed_other: '{{count}} minutes taken off your time.',
    reason: 'Reason: {{reason}}',
  },
  terminated: {
    title: 'The exam was ended by proctoring',
    text: 'Your answers up to that moment were submitted.',
    reason: 'Reason: {{reason}}',
  },
};
