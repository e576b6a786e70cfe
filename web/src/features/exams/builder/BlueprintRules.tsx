import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack } from '@mantine/core';
import { DIFFICULTIES, type Difficulty } from '@examtech/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { SyllabusSubject } from '../../../lib/types';
import { emptySyllabusPath, SyllabusSelects, type SyllabusPath } from '../../syllabus/SyllabusSelects';
import { difficultyLabels } from '../labels';
import type { BlueprintRule, DraftSection } from '../types';

export interface RuleRow {
  key: string;
  path: SyllabusPath;
  difficulty: Difficulty | null;
  count: number;
}

const difficultyOptions = DIFFICULTIES.map((value) => ({ value, label: difficultyLabels[value] }));

export function createRuleRow(path: SyllabusPath = emptySyllabusPath, count = 1): RuleRow {
  return { key: crypto.randomUUID(), path, difficulty: null, count };
}

/** The syllabus subject a section draws from: its own subject, matched by name (none when unnamed). */
export function findSectionSubjectPath(
  section: Pick<DraftSection, 'subject'>,
  subjects: SyllabusSubject[],
): SyllabusPath {
  const name = section.subject?.trim().toLowerCase();
  const subject = name ? subjects.find((entry) => entry.name.trim().toLowerCase() === name) : undefined;
  return { ...emptySyllabusPath, subjectId: subject?.id ?? null };
}

/** How many questions auto-select still has to find for a section (all of them when replacing). */
export function countRemaining(section: DraftSection, replaceExisting: boolean): number {
  return Math.max(section.questionCount - (replaceExisting ? 0 : section.items.length), 0);
}

/** A section's starting blueprint: its remaining questions from its subject. */
export function createDefaultRules(
  section: DraftSection,
  subjects: SyllabusSubject[],
  replaceExisting = false,
): RuleRow[] {
  const remaining = countRemaining(section, replaceExisting);
  if (remaining === 0) return [];
  return [createRuleRow(findSectionSubjectPath(section, subjects), remaining)];
}

export function toBlueprintRule(row: RuleRow): BlueprintRule {
  return {
    ...(row.path.subjectId ? { subjectId: row.path.subjectId } : {}),
    ...(row.path.chapterId ? { chapterId: row.path.chapterId } : {}),
    ...(row.path.topicId ? { topicId: row.path.topicId } : {}),
    ...(row.difficulty ? { difficulty: row.difficulty } : {}),
    count: row.count,
  };
}

/**
 * Rows of "this many questions of this subject/chapter/topic at this difficulty". A new row starts
 * from `newRulePath` (the section's subject): "any subject" filled Physics with Chemistry.
 */
export function BlueprintRules({
  rows,
  newRulePath,
  onChange,
}: {
  rows: RuleRow[];
  newRulePath: SyllabusPath;
  onChange: (rows: RuleRow[]) => void;
}) {
  const change = (key: string, patch: Partial<RuleRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs">
      {rows.map((row, index) => (
        <Paper key={row.key} withBorder radius="sm" p="xs" aria-label={`Rule ${index + 1}`}>
          <SyllabusSelects value={row.path} onChange={(path) => change(row.key, { path })} />
          <Group mt="xs" gap="xs" align="flex-end">
            <Select
              label="Difficulty"
              placeholder="Any difficulty"
              data={difficultyOptions}
              value={row.difficulty}
              onChange={(value) => change(row.key, { difficulty: value })}
              clearable
              w={160}
            />
            <NumberInput
              label="Questions"
              min={1}
              max={200}
              value={row.count}
              onChange={(value) => change(row.key, { count: typeof value === 'number' ? value : 0 })}
              w={110}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove rule ${index + 1}`}
              onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...rows, createRuleRow(newRulePath)])}
        >
          Add rule
        </Button>
      </Group>
    </Stack>
  );
}
