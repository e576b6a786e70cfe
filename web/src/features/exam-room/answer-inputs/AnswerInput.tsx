import { TextInput } from '@mantine/core';
import type { Answer, AssertionReasonOptionId, CandidateContent, CandidateQuestion } from '@examtech/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../types';
import { ChoiceInput } from './ChoiceInput';
import { MatrixGrid } from './MatrixGrid';
import { NumericKeypad } from './NumericKeypad';

/** The response control for each question type; every change is reported as a core `Answer`. */
export function AnswerInput({
  question,
  content,
  language,
  optionOrder,
  answer,
  onChange,
}: {
  question: CandidateQuestion;
  content: CandidateContent;
  /** The paper's language on screen: list headings inside the question follow it. */
  language: Language;
  optionOrder: readonly string[] | undefined;
  answer: Answer | null;
  onChange: (answer: Answer | null) => void;
}) {
  const { t } = useTranslation();
  switch (question.type) {
    case 'mcq_single':
    case 'mcq_multi': {
      const type = question.type;
      const ids = optionOrder ?? question.options.map((o) => o.id);
      const selected = answer?.type === type ? answer.optionIds : [];
      return (
        <ChoiceInput
          optionIds={ids}
          choices={content.options}
          selected={selected}
          isMulti={question.type === 'mcq_multi'}
          onChange={(optionIds) => onChange(type === 'mcq_multi' ? { type, optionIds } : { type, optionIds })}
        />
      );
    }
    case 'assertion_reason':
      return (
        <ChoiceInput
          optionIds={question.options.map((o) => o.id)}
          choices={content.options}
          selected={answer?.type === 'assertion_reason' ? [answer.optionId] : []}
          isMulti={false}
          onChange={([id]) =>
            onChange(id ? { type: 'assertion_reason', optionId: id as AssertionReasonOptionId } : null)
          }
        />
      );
    case 'numerical':
      return (
        <NumericKeypad
          value={answer?.type === 'numerical' ? answer.value : ''}
          format={question.format}
          onChange={(value) => onChange({ type: 'numerical', value })}
        />
      );
    case 'matrix_match':
      return (
        <MatrixGrid
          rows={question.rows}
          columns={question.columns}
          rowText={content.rows}
          columnText={content.columns}
          matches={answer?.type === 'matrix_match' ? answer.matches : {}}
          allowMultiplePerRow={question.allowMultiplePerRow}
          language={language}
          onChange={(matches) => onChange({ type: 'matrix_match', matches })}
        />
      );
    case 'tita':
      return question.inputMode === 'number' ? (
        <NumericKeypad
          value={answer?.type === 'tita' ? answer.text : ''}
          format={undefined}
          onChange={(text) => onChange({ type: 'tita', text })}
        />
      ) : (
        <TextInput
          maw={360}
          label={t('examRoom.question.typeAnswer')}
          maxLength={200}
          value={answer?.type === 'tita' ? answer.text : ''}
          onChange={(event) => onChange({ type: 'tita', text: event.currentTarget.value })}
          onKeyDown={(event) => event.key !== 'Enter' && event.stopPropagation()}
        />
      );
  }
}
