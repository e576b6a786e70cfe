import { Button, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { NumericalFormat } from '@examtech/core';
import { useTranslation } from 'react-i18next';

const KEYS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0', '.', '-'];

/** Appends a key when the result is still a number being typed: digits, one '.', a leading '-'. */
export function applyKey(value: string, key: string, format: NumericalFormat | undefined): string {
  if (key === 'Backspace') return value.slice(0, -1);
  if (key === 'Clear') return '';
  if (key === '-') return value === '' ? '-' : value;
  if (key === '.') return format?.integerOnly || value.includes('.') ? value : `${value}.`;
  if (!/^\d$/.test(key) || value.length >= 15) return value;
  return value + key;
}

/** NTA's virtual keypad: the field takes only what the keypad (or the same keys on a keyboard) allows. */
export function NumericKeypad({
  value,
  format,
  onChange,
}: {
  value: string;
  format: NumericalFormat | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const press = (key: string) => onChange(applyKey(value, key, format));
  const hint = format?.integerOnly
    ? t('examRoom.question.enterInteger')
    : format?.decimals !== undefined
      ? t('examRoom.question.enterDecimals', { count: format.decimals })
      : t('examRoom.question.enterNumber');
  return (
    <Stack gap="xs" maw={240}>
      <TextInput
        label={hint}
        value={value}
        inputMode="none"
        autoComplete="off"
        aria-label={t('examRoom.question.numericalAnswer')}
        onChange={() => undefined}
        onKeyDown={(event) => {
          const key = event.key === 'Delete' ? 'Clear' : event.key;
          if (/^[\d.-]$/.test(key) || key === 'Backspace' || key === 'Clear') {
            event.preventDefault();
            event.stopPropagation();
            press(key);
          }
        }}
        onPaste={(event) => event.preventDefault()}
      />
      <SimpleGrid cols={3} spacing={6} verticalSpacing={6}>
        {KEYS.map((key) => (
          <Button
            key={key}
            variant="default"
            size="sm"
            onClick={() => press(key)}
            aria-label={t('examRoom.question.key', { key })}
          >
            {key}
          </Button>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={2} spacing={6}>
        <Button variant="default" size="sm" onClick={() => press('Backspace')}>
          {t('examRoom.question.backspace')}
        </Button>
        <Button variant="default" size="sm" onClick={() => press('Clear')}>
          {t('examRoom.question.clearInput')}
        </Button>
      </SimpleGrid>
    </Stack>
  );
}
