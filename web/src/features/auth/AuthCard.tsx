import { Center, Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../../components/Logo';
import classes from './AuthCard.module.css';

/** The frame of the screens shown before the app itself: logo, one card, an optional footer. */
export function AuthCard({
  children,
  footer,
  width = 420,
}: {
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
}) {
  return (
    <Center className={classes.page}>
      <Stack w="100%" maw={width} gap="lg" p="md">
        <Center>
          <Logo size="lg" />
        </Center>
        <Paper withBorder shadow="md" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
          {children}
        </Paper>
        {footer}
      </Stack>
    </Center>
  );
}
