import { Alert, Stack } from '@mantine/core';
import { ChoiceListEditor } from './ChoiceListEditor';
import type { QuestionDraft } from './draft';
import { setText, type TextField } from './draft-ops';
import { languageLabels, type EditorLanguage } from './labels';
import { MarkdownField } from './MarkdownField';

interface ContentEditorProps {
  draft: QuestionDraft;
  language: EditorLanguage;
  errorAt: (path: string) => string | undefined;
  onChange: (draft: QuestionDraft) => void;
  canRestructure: boolean;
}

const fieldLabels: Record<TextField, string> = {
  stem: 'Question',
  assertion: 'Statement I (Assertion)',
  reason: 'Statement II (Reason)',
  solution: 'Solution',
};

/** One language version of the question: its text, choices and solution. */
export function ContentEditor({ draft, language, errorAt, onChange, canRestructure }: ContentEditorProps) {
  const content = draft.content[language];
  const languageName = languageLabels[language] ?? language;
  const field = (name: TextField, placeholder: string, minRows = 2) => (
    <MarkdownField
      label={fieldLabels[name]}
      aria-label={`${languageName} ${fieldLabels[name].toLowerCase()}`}
      lang={language}
      value={content[name]}
      onChange={(text) => onChange(setText(draft, language, name, text))}
      error={errorAt(`content.${language}.${name}`)}
      placeholder={placeholder}
      minRows={minRows}
    />
  );
  const choiceList = (list: 'options' | 'rows' | 'columns') => (
    <ChoiceListEditor
      draft={draft}
      language={language}
      list={list}
      errorAt={errorAt}
      onChange={onChange}
      canRestructure={canRestructure}
    />
  );
  const languageError = errorAt(`content.${language}`);

  return (
    <Stack gap="md">
      {field('stem', 'Markdown with $inline$ or $$display$$ LaTeX, e.g. $E = mc^2$', 4)}
      {(draft.type === 'mcq_single' || draft.type === 'mcq_multi') && choiceList('options')}
      {draft.type === 'matrix_match' && (
        <>
          {choiceList('rows')}
          {choiceList('columns')}
        </>
      )}
      {draft.type === 'assertion_reason' && (
        <>
          {field('assertion', 'The assertion (A)')}
          {field('reason', 'The reason (R)')}
        </>
      )}
      {field('solution', 'Optional: the worked solution students see after results', 3)}
      {languageError && (
        <Alert color="red" variant="light" p="xs">
          {languageError}
        </Alert>
      )}
    </Stack>
  );
}
