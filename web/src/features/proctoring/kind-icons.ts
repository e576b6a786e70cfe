import {
  IconAppWindow,
  IconArrowsMinimize,
  IconCameraOff,
  IconClipboard,
  IconCopy,
  IconCut,
  IconDeviceDesktop,
  IconEyeOff,
  IconMenu2,
  IconMoodLookLeft,
  IconScreenShareOff,
  IconTerminal2,
  IconUserOff,
  IconUsers,
  IconWifiOff,
  type Icon,
} from '@tabler/icons-react';
import type { ProctorEventKind } from './types';

/** One icon per violation kind, the same in the grid, the drawer, the alerts and the review. */
export const kindIcons: Record<ProctorEventKind, Icon> = {
  tab_hidden: IconEyeOff,
  window_blur: IconAppWindow,
  fullscreen_exit: IconArrowsMinimize,
  copy: IconCopy,
  paste: IconClipboard,
  cut: IconCut,
  context_menu: IconMenu2,
  second_screen: IconDeviceDesktop,
  devtools_open: IconTerminal2,
  offline: IconWifiOff,
  no_face: IconUserOff,
  multiple_faces: IconUsers,
  face_away: IconMoodLookLeft,
  screen_share_stopped: IconScreenShareOff,
  camera_stopped: IconCameraOff,
};
