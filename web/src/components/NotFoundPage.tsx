import { Button } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyPanel } from './EmptyPanel';

export function NotFoundPage() {
  return (
    <EmptyPanel
      icon={<IconMapPinOff size={28} />}
      title="Page not found"
      description="The page you opened does not exist or you do not have access to it."
      action={
        <Button component={Link} to="/">
          Go to the start page
        </Button>
      }
    />
  );
}
