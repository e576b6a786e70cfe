import { Checkbox, Group, Radio, Stack, UnstyledButton } from '@mantine/core';
import type { LocalizedChoice } from '@examtech/core';
import { useTranslation } from 'react-i18next';
import { MathMarkdown } from '../../../components/MathMarkdown';
import classes from './inputs.module.css';

/** Options in the candidate's display order, numbered (1)-(n) as in NTA papers; keys 1-9 pick them. */
export function ChoiceInput({
  optionIds,
  choices,
  selected,
  isMulti,
  onChange,
}: {
  optionIds: readonly string[];
  choices: readonly LocalizedChoice[] | undefined;
  selected: readonly string[];
  isMulti: boolean;
  onChange: (ids: string[]) => void;
}) {
  const toggle = (id: string) => {
    if (!isMulti) return onChange([id]);
    onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  };
  const { t } = useTranslation();
  const Control = isMulti ? Checkbox : Radio;
  return (
    <Stack
      gap="xs"
      role={isMulti ? 'group' : 'radiogroup'}
      aria-label={t('examRoom.question.options')}
      data-options
    >
      {optionIds.map((id, index) => {
        const isChecked = selected.includes(id);
        return (
          <UnstyledButton
            key={id}
            className={classes.option}
            data-checked={isChecked || undefined}
            role={isMulti ? 'checkbox' : 'radio'}
            aria-checked={isChecked}
            aria-label={`Option ${index + 1}`}
            onClick={() => toggle(id)}
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Control checked={isChecked} readOnly tabIndex={-1} aria-hidden mt={2} />
              <span className={classes.optionNumber}>({index + 1})</span>
              <div className={classes.optionText}>
                <MathMarkdown inline>{choices?.find((c) => c.id === id)?.text ?? ''}</MathMarkdown>
              </div>
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
