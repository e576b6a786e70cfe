// The pre-exam system check (browser, clock, connection, full screen, camera, face check), in
// English: kept apart from en.ts so each catalogue file stays short; system-check.hi.ts mirrors it.
export const systemCheckEn = {
  label: 'System check',
  checking: 'Checking your system…',
  browser: 'Browser',
  browserOk: 'Supported',
  browserOld: 'Please use a recent Chrome, Edge or Firefox',
  clock: 'Clock',
  clockOk: 'In step with the server',
  clockBehind: "Your device clock is {{seconds}} s behind; the exam uses the server's time",
  clockAhead: "Your device clock is {{seconds}} s ahead; the exam uses the server's time",
  connection: 'Connection',
  roundTrip: '{{ms}} ms to the server',
  roundTripSlow: '{{ms}} ms to the server — slow, but answers are kept on this device',
  unreachable: 'Cannot reach the server',
  fullScreen: 'Full screen',
  available: 'Available',
  unavailable: 'Not available in this browser',
  camera: 'Camera',
  cameraPreview: 'Camera preview',
  cameraRetry: 'Check the camera again',
  cameraStates: {
    not_required: 'Not required for this exam',
    checking: 'Asking for your camera… allow it when the browser asks',
    ready: 'Working — check that your face is clearly visible in the preview',
    denied:
      'Camera permission was denied. Allow this site to use the camera (the camera icon in the address bar or the browser’s site settings), then press “Check the camera again”.',
    not_found: 'No camera was found. Connect a webcam, then press “Check the camera again”.',
    in_use:
      'The camera could not be started — another application may be using it. Close it, then press “Check the camera again”.',
    stopped: 'The camera stopped working. Reconnect it, then press “Check the camera again”.',
    unsupported:
      'This browser cannot use a camera on this page. Use a recent Chrome, Edge or Firefox, then reload this page.',
    failed: 'The camera could not be started. Press “Check the camera again”, or try another browser.',
  },
  face: 'Face check',
  faceStates: {
    checking: 'Looking for your face…',
    one: 'Face detected: 1',
    none: 'No face detected — sit facing the camera, in good light',
    many: 'Faces detected: {{count}} — only you should be in view of the camera',
    away: 'Face detected: 1, turned away — face the screen',
    unavailable: 'Not available on this device; you can still start the exam',
  },
};
