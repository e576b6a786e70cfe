import { Alert, Button, Paper, Skeleton, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/notify';

export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" aria-busy="true" aria-label={t('common.loading')}>
      <Stack gap="sm">
        <Skeleton height={18} width="40%" />
        {Array.from({ length: rows }, (_, index) => (
          <Skeleton key={index} height={34} />
        ))}
      </Stack>
    </Paper>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('common.loadFailed')}
      role="alert"
    >
      <Stack gap="sm" align="flex-start">
        {errorMessage(error)}
        <Button size="xs" variant="white" color="red" onClick={onRetry}>
          {t('common.tryAgain')}
        </Button>
      </Stack>
    </Alert>
  );
}
