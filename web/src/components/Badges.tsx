import { Badge } from '@mantine/core';
import { roleColors, roleLabels } from '../lib/roles';
import type { Role } from '../lib/types';

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge variant="light" color={roleColors[role]} tt="none" fw={600}>
      {roleLabels[role]}
    </Badge>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  return (
    <Badge variant="dot" color={active ? 'teal' : 'gray'} tt="none" fw={500}>
      {active ? 'Active' : 'Deactivated'}
    </Badge>
  );
}
