import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roleColors } from '../lib/roles';
import type { Role } from '../lib/types';

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={roleColors[role]} tt="none" fw={600}>
      {t(`roles.${role}`)}
    </Badge>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={active ? 'teal' : 'gray'} tt="none" fw={500}>
      {active ? t('common.active') : t('common.deactivated')}
    </Badge>
  );
}
