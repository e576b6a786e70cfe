// The server's time, displayed (integrity rule 2): deadlines come from the server and the device
// clock is corrected by the offset measured from `serverNow`. Ticks once a second.
import { useEffect, useMemo, useState } from 'react';
import type { AttemptState } from './types';

export interface SectionClock {
  isLocked: boolean;
  totalRemainingMs: number;
  openSectionId: string | null;
  sectionRemainingMs: number | null;
  isSectionOpen: (sectionId: string) => boolean;
  isSectionClosed: (sectionId: string) => boolean;
}

export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 1_000);
    return () => clearInterval(timer);
  }, [offsetMs]);
  return now;
}

export function useSectionClock(isLocked: boolean, state: AttemptState, offsetMs: number): SectionClock {
  const now = useServerNow(offsetMs);
  const { deadlineAt, sections } = state.attempt;
  return useMemo(() => {
    const windows = new Map(
      sections.map((s) => [
        s.sectionId,
        { opensAt: Date.parse(s.opensAt), closesAt: Date.parse(s.closesAt) },
      ]),
    );
    const isSectionOpen = (id: string) => {
      const window = windows.get(id);
      return !isLocked || !window || (window.opensAt <= now && now < window.closesAt);
    };
    const open = isLocked ? sections.find((s) => isSectionOpen(s.sectionId)) : undefined;
    return {
      isLocked,
      totalRemainingMs: deadlineAt ? Math.max(0, Date.parse(deadlineAt) - now) : 0,
      openSectionId: open?.sectionId ?? null,
      sectionRemainingMs: open ? Math.max(0, Date.parse(open.closesAt) - now) : null,
      isSectionOpen,
      isSectionClosed: (id: string) => isLocked && (windows.get(id)?.closesAt ?? Infinity) <= now,
    };
  }, [deadlineAt, isLocked, now, sections]);
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3_600))}:${pad(Math.floor((total % 3_600) / 60))}:${pad(total % 60)}`;
}
