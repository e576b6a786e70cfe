import { Badge } from '@mantine/core';
import { statusColors, statusLabels } from './labels';
import type { ExamStatus } from './types';

export function ExamStatusBadge({ status }: { status: ExamStatus }) {
  return (
    <Badge variant={status === 'live' ? 'filled' : 'light'} color={statusColors[status]} tt="none" fw={600}>
      {statusLabels[status]}
    </Badge>
  );
}
