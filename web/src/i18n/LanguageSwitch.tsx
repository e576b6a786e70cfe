import { SegmentedControl } from '@mantine/core';
import { LANGUAGES, languageLabel } from '@examtech/core';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from './ui-language';

const choices = LANGUAGES.map((value) => ({ value, label: languageLabel(value, 'native') ?? value }));

/** English | हिन्दी, in each language's own script: found by a reader of either. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useUiLanguage();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.switch')}
      data-testid="ui-language-switch"
      value={language}
      onChange={(value) => setLanguage(value === 'hi' ? 'hi' : 'en')}
      data={choices}
    />
  );
}
