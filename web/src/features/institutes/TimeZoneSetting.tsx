import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeZone } from '../../components/zoned-time';
import { isApiError } from '../../lib/api';
import { notifyError, notifySuccess } from '../../lib/notify';
import { translateError } from '../../i18n/errors';
import { useUpdateInstituteSettings } from './api';

// ICU still lists some zones by their old names; people search for the names in use today.
const CURRENT_NAMES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
};

function listZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone').map((zone) => CURRENT_NAMES[zone] ?? zone);
  return [...new Set([...zones, 'UTC', current])].sort();
}

/** The admin's choice of the zone every staff screen types and shows exam times in. */
export function TimeZoneSetting({ current }: { current: string }) {
  const { t, i18n } = useTranslation();
  const save = useUpdateInstituteSettings();
  const [choice, setChoice] = useState<string | null>(null);
  const [zones] = useState(() => listZones(current));
  const [openedAt] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  const value = choice ?? current;
  const zone = describeZone(value, i18n.language, openedAt);
  const submit = () =>
    save.mutate(
      { timeZone: value },
      {
        onSuccess: () => {
          notifySuccess(t('forms.timeZone.saved'));
          setChoice(null);
        },
        onError: (failure) => {
          if (isApiError(failure) && failure.code === 'INSTITUTE_TIME_ZONE_INVALID')
            setError(translateError(failure));
          else notifyError(failure);
        },
      },
    );
  return (
    <Paper withBorder radius="md" p="md" maw={640} component="section" aria-labelledby="time-zone-title">
      <Stack gap="sm">
        <Title order={2} fz="h5" id="time-zone-title">
          {t('forms.timeZone.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('forms.timeZone.text')}
        </Text>
        <Select
          label={t('forms.timeZone.label')}
          placeholder={t('forms.timeZone.placeholder')}
          data={zones}
          value={value}
          onChange={(next) => {
            setError(null);
            setChoice(next);
          }}
          searchable
          allowDeselect={false}
          limit={50}
          maw={360}
          description={zone.long}
          error={error}
          data-testid="time-zone-setting"
        />
        <Group justify="flex-end">
          <Button
            onClick={submit}
            loading={save.isPending}
            disabled={value === current}
            data-testid="save-time-zone"
          >
            {t('forms.timeZone.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
