import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PALETTE_STATES, type PaletteState } from '@examtech/core';
import { IconCloudUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { countStates } from './session-model';
import classes from './Palette.module.css';

function StateCell({
  state,
  label,
  isLegend,
}: {
  state: PaletteState;
  label: string | number;
  isLegend?: boolean;
}) {
  return (
    <span
      className={isLegend ? classes.legendCell : undefined}
      data-state={state}
      style={isLegend ? { display: 'inline-grid', placeItems: 'center' } : undefined}
    >
      {label}
      {state === 'answered_marked_for_review' && <span className={classes.tick}>✓</span>}
    </span>
  );
}

/** NTA palette: one button per question in display order, the five states as colour and shape. */
export function QuestionPalette({
  sectionName,
  questionIds,
  allIds,
  currentId,
  stateOf,
  pendingIds,
  onSelect,
  isRoomy = false,
}: {
  sectionName: string;
  questionIds: readonly string[];
  allIds: readonly string[];
  currentId: string;
  stateOf: (id: string) => PaletteState;
  pendingIds: ReadonlySet<string>;
  onSelect: (id: string) => void;
  /** In a phone's drawer: cells of at least 44 px, for a finger. */
  isRoomy?: boolean;
}) {
  const { t } = useTranslation();
  const counts = countStates(questionIds, stateOf);
  return (
    <Paper withBorder radius="sm" p="sm" component="nav" aria-label={t('examRoom.palette.label')}>
      <SimpleGrid cols={2} spacing={6} verticalSpacing={6} mb="sm" aria-label={t('examRoom.palette.legend')}>
        {PALETTE_STATES.map((state) => (
          <Group key={state} gap={6} wrap="nowrap" data-testid={`legend-${state}`}>
            <StateCell state={state} label={counts[state]} isLegend />
            <Text size="xs">{t(`examRoom.states.${state}`)}</Text>
          </Group>
        ))}
      </SimpleGrid>
      <Stack gap={6}>
        <Title order={3} fz="sm" bg="blue.7" c="white" px="xs" py={4}>
          {sectionName}
        </Title>
        <Text size="xs" c="dimmed">
          {t('examRoom.palette.choose')}
        </Text>
        <div className={classes.grid} data-roomy={isRoomy || undefined}>
          {questionIds.map((id) => {
            const state = stateOf(id);
            const number = allIds.indexOf(id) + 1;
            const isPending = pendingIds.has(id);
            return (
              <button
                key={id}
                type="button"
                className={classes.cell}
                data-state={state}
                data-current={id === currentId || undefined}
                aria-current={id === currentId ? 'step' : undefined}
                aria-label={t(isPending ? 'examRoom.palette.cellPending' : 'examRoom.palette.cell', {
                  number,
                  state: t(`examRoom.states.${state}`),
                })}
                onClick={() => onSelect(id)}
              >
                {number}
                {state === 'answered_marked_for_review' && <span className={classes.tick}>✓</span>}
                {isPending && (
                  <span className={classes.pending} aria-hidden>
                    <IconCloudUp size={14} />
                  </span>
                )}
              </button>
            );
          })}
        </div>
      </Stack>
    </Paper>
  );
}
