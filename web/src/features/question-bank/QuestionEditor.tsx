import type { Question } from '@examtech/core';
import { Paper, SegmentedControl, Group, Stack, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { AnswerKeyEditor } from './AnswerKeyEditor';
import { ContentEditor } from './ContentEditor';
import type { QuestionDraft } from './draft';
import { LanguageColumns, ProblemCountBadge } from './LanguageColumns';
import { QuestionDetailsFields } from './QuestionDetailsFields';
import { QuestionPreview } from './QuestionPreview';
import type { ErrorMap } from './validation';

function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={title}>
      <Group justify="space-between" mb="md" gap="xs">
        <Title order={2} fz="h4">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

interface QuestionEditorProps {
  draft: QuestionDraft;
  onChange: (draft: QuestionDraft) => void;
  /** The draft as the core model, for the live preview. */
  question: Question;
  /** Problems to show beside their fields. */
  errors: ErrorMap;
}

/** The whole authoring form: details, both languages side by side, the key and a live preview. */
export function QuestionEditor({ draft, onChange, question, errors }: QuestionEditorProps) {
  const [previewMode, setPreviewMode] = useState<'exam' | 'results'>('exam');
  const errorAt = (path: string): string | undefined => errors[path];
  const countProblems = (language: string) =>
    Object.keys(errors).filter(
      (path) => path === `content.${language}` || path.startsWith(`content.${language}.`),
    ).length;
  const firstLanguage = draft.languages[0];

  return (
    <Stack gap="lg">
      <Section title="Details">
        <QuestionDetailsFields draft={draft} errorAt={errorAt} onChange={onChange} />
      </Section>
      <Section title="Content">
        <LanguageColumns
          languages={draft.languages}
          label="Question text by language"
          badge={(language) => <ProblemCountBadge count={countProblems(language)} />}
        >
          {(language) => (
            <ContentEditor
              draft={draft}
              language={language as QuestionDraft['languages'][number]}
              errorAt={errorAt}
              onChange={onChange}
              canRestructure={language === firstLanguage}
            />
          )}
        </LanguageColumns>
      </Section>
      <Section title="Answer key">
        <AnswerKeyEditor
          draft={draft}
          errorAt={errorAt}
          onChange={(changes) => onChange({ ...draft, ...changes })}
        />
      </Section>
      <Section
        title="Preview"
        actions={
          <SegmentedControl
            size="xs"
            aria-label="Preview as"
            value={previewMode}
            onChange={(value) => setPreviewMode(value === 'results' ? 'results' : 'exam')}
            data={[
              { value: 'exam', label: 'During the exam' },
              { value: 'results', label: 'With answer' },
            ]}
          />
        }
      >
        <LanguageColumns languages={draft.languages} label="Preview by language">
          {(language) => (
            <QuestionPreview question={question} language={language} showAnswer={previewMode === 'results'} />
          )}
        </LanguageColumns>
      </Section>
    </Stack>
  );
}
