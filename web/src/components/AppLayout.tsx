import { AppShell, Badge, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../features/auth/session';
import { Logo } from './Logo';
import { activeNavItem, navigationFor } from './navigation';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const items = navigationFor(user.role);
  const active = activeNavItem(items, pathname);

  // On phones the menu overlays the page: close it once the user has picked a destination.
  useEffect(close, [pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
            />
            <Link to="/" aria-label={t('nav.home')} style={{ textDecoration: 'none' }}>
              <Logo />
            </Link>
            {user.institute && (
              <Badge variant="light" color="gray" size="lg" radius="sm" visibleFrom="md" tt="none" fw={500}>
                {user.institute.name}
              </Badge>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(`nav.${item.label}`)}
              leftSection={<item.icon size={18} stroke={1.7} />}
              active={item === active}
              variant="light"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
              mb={4}
            />
          ))}
        </AppShell.Section>
        {user.institute && (
          <AppShell.Section hiddenFrom="md" pt="sm">
            <Text size="xs" c="dimmed" px="sm">
              {user.institute.name}
            </Text>
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
