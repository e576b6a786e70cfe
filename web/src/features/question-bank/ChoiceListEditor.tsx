import { ActionIcon, Button, Group, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMatchListTitles } from '../exam-room/answer-inputs/match-list-titles';
import type { ChoiceList, QuestionDraft } from './draft';
import { addChoice, moveChoice, removeChoice, setChoiceText, setOptionFixed } from './draft-ops';
import type { EditorLanguage } from './labels';
import { languageLabels } from './labels';

const ROW_LABELS = 'PQRSTUVWXYZ';

/** The label a candidate sees at a position: (A), (B)… for options, P, Q… for rows, 1, 2… for columns. */
export function choiceLabel(list: ChoiceList, index: number): string {
  if (list === 'options') return String.fromCharCode(65 + index);
  if (list === 'rows') return ROW_LABELS[index] ?? String(index + 1);
  return String(index + 1);
}

const singular: Record<ChoiceList, string> = { options: 'option', rows: 'row', columns: 'column' };

interface ChoiceListEditorProps {
  draft: QuestionDraft;
  language: EditorLanguage;
  list: ChoiceList;
  errorAt: (path: string) => string | undefined;
  onChange: (draft: QuestionDraft) => void;
  /** Adding, moving and removing act on every language at once: offer them in one column only. */
  canRestructure: boolean;
}

export function ChoiceListEditor({
  draft,
  language,
  list,
  errorAt,
  onChange,
  canRestructure,
}: ChoiceListEditorProps) {
  // A column's headings are in its language, as candidates will read them ("सूची I" in Hindi).
  const listTitles = useMatchListTitles(language);
  const title = list === 'options' ? 'Options' : listTitles[list];
  const texts = draft.content[language][list];
  const listError = errorAt(`content.${language}.${list}`) ?? errorAt(list);
  const minimum = list === 'options' ? 2 : 1;

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      {texts.map((text, index) => {
        const label = choiceLabel(list, index);
        const option = list === 'options' ? draft.options[index] : undefined;
        return (
          <Group key={`${list}-${index}`} gap={6} align="flex-start">
            <Text size="sm" fw={600} w={24} pt={7} ta="center" aria-hidden>
              {list === 'options' ? `(${label})` : label}
            </Text>
            <TextInput
              aria-label={`${languageLabels[language]} ${singular[list]} ${label}`}
              lang={language}
              value={text}
              onChange={(event) =>
                onChange(setChoiceText(draft, language, list, index, event.currentTarget.value))
              }
              error={errorAt(`content.${language}.${list}.${index}.text`)}
              // On phones the buttons wrap under the text box instead of squeezing it.
              style={{ flex: '1 1 180px', minWidth: 0 }}
            />
            {canRestructure && (
              <Group gap={2} wrap="nowrap" pt={4} ml="auto">
                {option && (
                  <Tooltip
                    label="Fixed position: never shuffled (e.g. “All of the above”)"
                    withArrow
                    multiline
                    w={220}
                  >
                    <Switch
                      size="xs"
                      aria-label={`Option ${label} keeps its position`}
                      checked={option.fixed ?? false}
                      onChange={(event) =>
                        onChange(setOptionFixed(draft, index, event.currentTarget.checked))
                      }
                      label="Fixed"
                      mr={4}
                    />
                  </Tooltip>
                )}
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Move ${singular[list]} ${label} up`}
                  disabled={index === 0}
                  onClick={() => onChange(moveChoice(draft, list, index, -1))}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Move ${singular[list]} ${label} down`}
                  disabled={index === texts.length - 1}
                  onClick={() => onChange(moveChoice(draft, list, index, 1))}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${singular[list]} ${label}`}
                  disabled={texts.length <= minimum}
                  onClick={() => onChange(removeChoice(draft, list, index))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            )}
          </Group>
        );
      })}
      {listError && (
        <Text size="xs" c="red">
          {listError}
        </Text>
      )}
      {canRestructure && texts.length < 26 && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange(addChoice(draft, list))}
          style={{ alignSelf: 'flex-start' }}
        >
          Add {singular[list]}
        </Button>
      )}
    </Stack>
  );
}
