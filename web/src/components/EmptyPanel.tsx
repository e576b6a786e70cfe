import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** An empty list says what belongs here and, where the user can act, how to add the first one. */
export function EmptyPanel({
  icon,
  title,
  description,
  action,
}: {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" py={48} px="md">
      <EmptyState icon={icon} title={title} description={description} variant="light">
        {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
