import { useTranslation } from 'react-i18next';

export interface MatchListTitles {
  readonly rows: string;
  readonly columns: string;
}

/**
 * The headings of a matrix-match question's two lists ("List I" / "सूची I"). They are part of the
 * question, so they follow the language its text is shown in, not the interface's; a language
 * without a catalogue of its own gets the English headings.
 */
export function useMatchListTitles(language: string): MatchListTitles {
  const { t } = useTranslation();
  return {
    rows: t('examRoom.question.listOne', { lng: language }),
    columns: t('examRoom.question.listTwo', { lng: language }),
  };
}
