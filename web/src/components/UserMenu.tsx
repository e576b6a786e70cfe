import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useCurrentUser, useLogout } from '../features/auth/session';
import { initials } from '../lib/format';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        void navigate('/login', { replace: true });
      },
    });

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.label')}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34}>
              {initials(user.name)}
            </Avatar>
            <div style={{ lineHeight: 1.1 }} className="hide-on-phone">
              <Text size="sm" fw={600} lineClamp={1}>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`roles.${user.role}`)}
              </Text>
            </div>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => void navigate('/account')}>
          {t('userMenu.account')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('language.switch')}</Menu.Label>
        <div style={{ padding: '0 var(--mantine-spacing-xs) var(--mantine-spacing-xs)' }}>
          <LanguageSwitch />
        </div>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={signOut}>
          {t('userMenu.logOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
