import { Button } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyPanel } from './EmptyPanel';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyPanel
      icon={<IconMapPinOff size={28} />}
      title={t('notFound.title')}
      description={t('notFound.description')}
      action={
        <Button component={Link} to="/">
          {t('notFound.action')}
        </Button>
      }
    />
  );
}
