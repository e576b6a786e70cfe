import '@mantine/dates/styles.css';
import 'dayjs/locale/hi';
import { ActionIcon, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { DatePicker, TimeInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  describeZone,
  formatInZone,
  formatWallDate,
  formatWallTime,
  instantToWallTime,
  parseWallTime,
  TYPED_EXAMPLE,
  wallTimeToInstant,
  type WallTime,
} from './zoned-time';

interface DateTimeFieldProps {
  label: ReactNode;
  /** An ISO instant, or null while empty (or while what is typed is not a date and time yet). */
  value: string | null;
  onChange: (value: string | null) => void;
  /** The IANA zone the time is typed and shown in: the institute's. */
  timeZone: string;
  error?: ReactNode;
  /** The first day the calendar offers (an instant); a typed earlier date is the server's to refuse. */
  minDate?: number;
  /** The time a day picked from the calendar gets while none is typed yet (`HH:mm`). */
  defaultTime?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

const pad = (value: number) => String(value).padStart(2, '0');
const TIME_PATTERN = /^(\d{2}):(\d{2})/;

/**
 * A date and time typed as `2026-12-05 09:30` or picked from a calendar, in the institute's zone
 * (named beside the field). What is typed is never rewritten while typing, and picking a day keeps
 * the typed time: only a complete, real date and time reaches `onChange`.
 */
export function DateTimeField({
  label,
  value,
  onChange,
  timeZone,
  error,
  minDate,
  defaultTime = '10:00',
  disabled,
  'data-testid': testId,
}: DateTimeFieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'hi' ? 'hi' : 'en';
  const toText = (iso: string | null) =>
    iso ? formatWallTime(instantToWallTime(Date.parse(iso), timeZone)) : '';
  // The text is the field's own; it follows the value only when the value changes from outside.
  const [shown, setShown] = useState({ value, timeZone, text: toText(value) });
  const [isUnreadable, setUnreadable] = useState(false);
  const [isPickerOpen, setPickerOpen] = useState(false);
  const [pickerTime, setPickerTime] = useState(defaultTime);
  // "Now" for the zone's name and the calendar's first month: the moment the field appeared will do.
  const [openedAt] = useState(() => Date.now());
  if (shown.value !== value || shown.timeZone !== timeZone) {
    setShown({ value, timeZone, text: toText(value) });
    setUnreadable(false);
  }

  const wall = value ? instantToWallTime(Date.parse(value), timeZone) : null;
  const time = wall ? `${pad(wall.hour)}:${pad(wall.minute)}` : pickerTime;
  const emit = (text: string, next: WallTime | null) => {
    const iso = next ? new Date(wallTimeToInstant(next, timeZone)).toISOString() : null;
    setShown({ value: iso, timeZone, text });
    if (iso !== value) onChange(iso);
  };
  const type = (text: string) => {
    setUnreadable(false);
    emit(text, parseWallTime(text));
  };
  const settle = () => {
    if (shown.text.trim() === '') return;
    const typed = parseWallTime(shown.text);
    if (typed) setShown({ ...shown, text: formatWallTime(typed) });
    else setUnreadable(true);
  };
  const pickDay = (day: string | null) => {
    const [year, month, date] = (day ?? '').split('-').map(Number);
    const [, hour = '10', minute = '00'] = TIME_PATTERN.exec(time) ?? [];
    if (!year || !month || !date) return;
    const next = { year, month, day: date, hour: Number(hour), minute: Number(minute) };
    setUnreadable(false);
    emit(formatWallTime(next), next);
  };
  const pickTime = (text: string) => {
    const match = TIME_PATTERN.exec(text);
    if (!match) return;
    setPickerTime(text);
    if (!wall) return;
    const next = { ...wall, hour: Number(match[1]), minute: Number(match[2]) };
    emit(formatWallTime(next), next);
  };

  const zone = describeZone(timeZone, language, value ? Date.parse(value) : openedAt);
  const description = isUnreadable
    ? undefined
    : value
      ? `${formatInZone(Date.parse(value), timeZone, language)} · ${zone.long}`
      : t('forms.dateTime.hint', { example: TYPED_EXAMPLE, zone: zone.long });
  const today = instantToWallTime(minDate ?? openedAt, timeZone);

  return (
    <TextInput
      label={label}
      value={shown.text}
      onChange={(event) => type(event.currentTarget.value)}
      onBlur={settle}
      placeholder="YYYY-MM-DD HH:mm"
      inputMode="numeric"
      autoComplete="off"
      disabled={disabled}
      description={description}
      error={isUnreadable ? t('forms.dateTime.invalid', { example: TYPED_EXAMPLE }) : error}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data-testid={testId}
      wrapperProps={testId ? { 'data-testid': `${testId}-field` } : undefined}
      rightSectionWidth={96}
      rightSectionPointerEvents="all"
      rightSection={
        <Group gap={4} wrap="nowrap" justify="flex-end" w="100%" pr={6}>
          <Text size="xs" c="dimmed" fw={600} title={zone.long} data-testid="time-zone-label">
            {zone.short}
          </Text>
          <Popover opened={isPickerOpen} onChange={setPickerOpen} position="bottom-end" shadow="md" trapFocus>
            <Popover.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('forms.dateTime.openPicker')}
                disabled={disabled}
                onClick={() => setPickerOpen((isOpen) => !isOpen)}
              >
                <IconCalendar size={18} />
              </ActionIcon>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs">
                <DatePicker
                  value={wall ? formatWallDate(wall) : null}
                  defaultDate={formatWallDate(wall ?? today)}
                  onChange={pickDay}
                  minDate={minDate === undefined ? undefined : formatWallDate(today)}
                  locale={language}
                />
                <Group gap="xs" align="flex-end" justify="space-between" wrap="nowrap">
                  <TimeInput
                    label={t('forms.dateTime.time')}
                    value={time}
                    onChange={(event) => pickTime(event.currentTarget.value)}
                    rightSection={
                      <Text size="xs" c="dimmed">
                        {zone.short}
                      </Text>
                    }
                  />
                  <Button size="sm" onClick={() => setPickerOpen(false)}>
                    {t('forms.dateTime.done')}
                  </Button>
                </Group>
              </Stack>
            </Popover.Dropdown>
          </Popover>
        </Group>
      }
    />
  );
}
