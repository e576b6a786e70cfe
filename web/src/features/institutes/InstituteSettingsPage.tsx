import { Button, Group, Paper, Radio, Space, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, TableSkeleton } from '../../components/QueryStates';
import { api } from '../../lib/api';
import { notifyError, notifySuccess } from '../../lib/notify';
import type { Institute, LeaderboardNames } from '../../lib/types';
import { useInstituteOverview } from '../dashboard/api';
import { TimeZoneSetting } from './TimeZoneSetting';

const MODES: LeaderboardNames[] = ['full', 'initials', 'hidden'];

/** The admin's settings of their institute: what students see of each other's names on leaderboards, the time zone. */
export function InstituteSettingsPage() {
  const { t } = useTranslation();
  const overview = useInstituteOverview();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<LeaderboardNames | null>(null);
  const save = useMutation({
    mutationFn: (leaderboardNames: LeaderboardNames) =>
      api<{ institute: Institute }>('/api/institute/settings', {
        method: 'PATCH',
        body: { leaderboardNames },
      }),
    onSuccess: async () => {
      notifySuccess(t('leaderboard.settings.saved'));
      setChoice(null);
      await queryClient.invalidateQueries({ queryKey: ['institute'] });
      await queryClient.invalidateQueries({ queryKey: ['leaderboards'] });
    },
    onError: (error) => notifyError(error),
  });

  if (overview.isPending) return <TableSkeleton />;
  if (overview.isError) return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  const current = overview.data.institute.settings.leaderboardNames;
  const value = choice ?? current;

  return (
    <>
      <PageHeader
        title={t('leaderboard.settings.title')}
        description={t('leaderboard.settings.description')}
      />
      <Paper withBorder radius="md" p="md" maw={640} component="section" aria-labelledby="privacy-title">
        <Stack gap="sm">
          <Title order={2} fz="h5" id="privacy-title">
            {t('leaderboard.settings.privacyTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('leaderboard.settings.privacyText')}
          </Text>
          <Radio.Group
            value={value}
            onChange={(next) => setChoice(next)}
            aria-labelledby="privacy-title"
            data-testid="leaderboard-names-setting"
          >
            <Stack gap="xs">
              {MODES.map((mode) => (
                <Radio.Card key={mode} value={mode} radius="md" p="sm" data-testid={`names-${mode}`}>
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <div>
                      <Text fw={600} size="sm">
                        {t(`leaderboard.settings.${mode}`)}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {t(`leaderboard.settings.${mode}Text`)}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button
              onClick={() => save.mutate(value)}
              loading={save.isPending}
              disabled={value === current}
              data-testid="save-settings"
            >
              {t('leaderboard.settings.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Space h="md" />
      <TimeZoneSetting current={overview.data.institute.settings.timeZone} />
    </>
  );
}
