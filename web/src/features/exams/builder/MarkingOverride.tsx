import { Button, Group, NumberInput, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import type { MarkingScheme, MarkOverride, QuestionType } from '@examtech/core';
import { useState } from 'react';
import { formatSignedMarks } from '../labels';

/** The marks of one question: the section's (by type), or an override for this question only. */
export function MarkingOverride({
  scheme,
  type,
  marking,
  label,
  isReadOnly,
  onChange,
}: {
  scheme: MarkingScheme;
  type: QuestionType;
  marking: MarkOverride | undefined;
  label: string;
  isReadOnly: boolean;
  onChange: (marking: MarkOverride | undefined) => void;
}) {
  const byType = scheme.byType?.[type];
  const correct = marking?.correct ?? byType?.correct ?? scheme.correct;
  const wrong = marking?.wrong ?? byType?.wrong ?? scheme.wrong;
  const [opened, setOpened] = useState(false);
  const [values, setValues] = useState<{ correct: string | number; wrong: string | number }>({
    correct: '',
    wrong: '',
  });
  const text = `${formatSignedMarks(correct)} / ${formatSignedMarks(wrong)}`;
  const badge = (
    <Text size="xs" fw={600} c={marking ? 'orange.8' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
      {text}
      {marking ? ' (custom)' : ''}
    </Text>
  );
  if (isReadOnly) return badge;

  const open = () => {
    setValues({
      correct: typeof correct === 'number' ? correct : '',
      wrong: typeof wrong === 'number' ? wrong : '',
    });
    setOpened(true);
  };
  const apply = () => {
    const next: MarkOverride = {
      ...(typeof values.correct === 'number' ? { correct: values.correct } : {}),
      ...(typeof values.wrong === 'number' ? { wrong: values.wrong } : {}),
    };
    onChange(Object.keys(next).length > 0 ? next : undefined);
    setOpened(false);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus shadow="md">
      <Popover.Target>
        <UnstyledButton onClick={open} aria-label={`Marks of ${label}: ${text}. Change`}>
          {badge}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={220}>
          <Text size="sm" fw={600}>
            Marks for this question
          </Text>
          <Group grow gap="xs">
            <NumberInput
              label="Correct"
              min={0}
              step={0.5}
              value={values.correct}
              onChange={(correct) => setValues((v) => ({ ...v, correct }))}
            />
            <NumberInput
              label="Wrong"
              max={0}
              step={0.25}
              value={values.wrong}
              onChange={(wrong) => setValues((v) => ({ ...v, wrong }))}
            />
          </Group>
          <Group justify="space-between" gap="xs">
            <Button
              size="xs"
              variant="subtle"
              onClick={() => {
                onChange(undefined);
                setOpened(false);
              }}
            >
              Use section marks
            </Button>
            <Button size="xs" onClick={apply}>
              Apply
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
