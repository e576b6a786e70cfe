import { Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

interface Check {
  label: string;
  detail: string;
  isOk: boolean;
}

/** Browser support, clock offset and round trip (from the server's Date header), full screen. */
async function runChecks(): Promise<Check[]> {
  const isBrowserOk = 'indexedDB' in window && 'WebSocket' in window && 'fetch' in window;
  const checks: Check[] = [
    {
      label: 'Browser',
      detail: isBrowserOk ? 'Supported' : 'Please use a recent Chrome, Edge or Firefox',
      isOk: isBrowserOk,
    },
  ];
  try {
    const sentAt = Date.now();
    const response = await fetch('/health', { cache: 'no-store' });
    const roundTripMs = Date.now() - sentAt;
    const serverDate = Date.parse(response.headers.get('date') ?? '');
    const offsetS = Number.isNaN(serverDate)
      ? 0
      : Math.round((serverDate - (sentAt + roundTripMs / 2)) / 1_000);
    checks.push({
      label: 'Clock',
      detail:
        Math.abs(offsetS) <= 2
          ? 'In step with the server'
          : `Your device clock is ${Math.abs(offsetS)} s ${offsetS > 0 ? 'behind' : 'ahead'}; the exam uses the server's time`,
      isOk: true,
    });
    checks.push({
      label: 'Connection',
      detail: `${roundTripMs} ms to the server${roundTripMs > 800 ? ' — slow, but answers are kept on this device' : ''}`,
      isOk: roundTripMs <= 800,
    });
  } catch {
    checks.push({ label: 'Connection', detail: 'Cannot reach the server', isOk: false });
  }
  checks.push({
    label: 'Full screen',
    detail: document.fullscreenEnabled ? 'Available' : 'Not available in this browser',
    isOk: document.fullscreenEnabled,
  });
  checks.push({ label: 'Camera', detail: 'Not required for this exam', isOk: true });
  return checks;
}

export function SystemCheck() {
  const [checks, setChecks] = useState<Check[] | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void runChecks().then((result) => isCurrent && setChecks(result));
    return () => {
      isCurrent = false;
    };
  }, []);
  if (!checks) return <Text size="sm">Checking your system…</Text>;
  return (
    <List spacing={6} aria-label="System check">
      {checks.map((check) => (
        <List.Item
          key={check.label}
          icon={
            <ThemeIcon size={20} radius="xl" color={check.isOk ? 'teal' : 'orange'}>
              {check.isOk ? <IconCheck size={14} /> : <IconAlertTriangle size={14} />}
            </ThemeIcon>
          }
        >
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {check.label}:
            </Text>
            <Text size="sm">{check.detail}</Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
