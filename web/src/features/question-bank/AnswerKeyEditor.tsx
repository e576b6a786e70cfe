import {
  ASSERTION_REASON_OPTION_IDS,
  ASSERTION_REASON_OPTION_TEXT,
  type NumericalRounding,
} from '@examtech/core';
import {
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { choiceLabel } from './ChoiceListEditor';
import type { QuestionDraft } from './draft';

interface AnswerKeyEditorProps {
  draft: QuestionDraft;
  errorAt: (path: string) => string | undefined;
  onChange: (changes: Partial<QuestionDraft>) => void;
}

const roundingOptions: { value: NumericalRounding; label: string }[] = [
  { value: 'round', label: 'Round (half away from zero)' },
  { value: 'truncate', label: 'Truncate' },
  { value: 'truncate_or_round', label: 'Truncate or round (either accepted)' },
];

/** The correct answer, in the shape each question type needs. */
export function AnswerKeyEditor({ draft, errorAt, onChange }: AnswerKeyEditorProps) {
  const keyError = errorAt('key');
  switch (draft.type) {
    case 'mcq_single':
      return (
        <Radio.Group
          label="Correct option"
          value={draft.singleKey}
          onChange={(singleKey) => onChange({ singleKey })}
          error={errorAt('key.optionId') ?? keyError}
        >
          <Group mt="xs">
            {draft.options.map((option, index) => (
              <Radio key={option.id} value={option.id} label={`(${choiceLabel('options', index)})`} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'mcq_multi':
      return (
        <Checkbox.Group
          label="Correct options (one or more)"
          value={draft.multiKey}
          onChange={(multiKey) => onChange({ multiKey })}
          error={errorAt('key.optionIds') ?? keyError}
        >
          <Group mt="xs">
            {draft.options.map((option, index) => (
              <Checkbox key={option.id} value={option.id} label={`(${choiceLabel('options', index)})`} />
            ))}
          </Group>
        </Checkbox.Group>
      );
    case 'numerical':
      return <NumericalKeyEditor draft={draft} errorAt={errorAt} onChange={onChange} />;
    case 'matrix_match':
      return <MatrixKeyEditor draft={draft} errorAt={errorAt} onChange={onChange} />;
    case 'assertion_reason':
      return (
        <Radio.Group
          label="Correct option"
          value={draft.arKey}
          onChange={(value) => onChange({ arKey: value })}
          error={errorAt('key.optionId') ?? keyError}
        >
          <Stack mt="xs" gap="xs">
            {ASSERTION_REASON_OPTION_IDS.map((id, index) => (
              <Radio
                key={id}
                value={id}
                label={`(${choiceLabel('options', index)}) ${ASSERTION_REASON_OPTION_TEXT.en?.[id] ?? id}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'tita':
      return (
        <Stack gap="sm">
          <TagsInput
            label="Accepted answers"
            description="Any of these is correct. Press Enter after each."
            value={draft.titaKey.accepted}
            onChange={(accepted) => onChange({ titaKey: { ...draft.titaKey, accepted } })}
            error={errorAt('key.accepted') ?? keyError}
            splitChars={[]}
          />
          <Radio.Group
            label="Compare answers as"
            value={draft.titaKey.compare}
            onChange={(compare) =>
              onChange({ titaKey: { ...draft.titaKey, compare: compare === 'number' ? 'number' : 'text' } })
            }
          >
            <Group mt="xs">
              <Radio value="text" label="Text (ignores case and extra spaces)" />
              <Radio value="number" label="Number (12 = 12.0)" />
            </Group>
          </Radio.Group>
        </Stack>
      );
  }
}

function NumericalKeyEditor({ draft, errorAt, onChange }: AnswerKeyEditorProps) {
  const key = draft.numericalKey;
  const setKey = (changes: Partial<QuestionDraft['numericalKey']>) =>
    onChange({ numericalKey: { ...key, ...changes } });
  const setFormat = (changes: Partial<QuestionDraft['format']>) =>
    onChange({ format: { ...draft.format, ...changes } });
  const numberField = (field: 'value' | 'tolerance' | 'min' | 'max', label: string) => (
    <TextInput
      label={label}
      inputMode="decimal"
      value={key[field]}
      onChange={(event) => setKey({ [field]: event.currentTarget.value })}
      error={errorAt(`key.${field}`)}
    />
  );
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Kind of numerical answer"
        value={key.kind}
        onChange={(kind) => setKey({ kind: kind })}
        data={[
          { value: 'exact', label: 'Exact value' },
          { value: 'tolerance', label: 'Value ± tolerance' },
          { value: 'range', label: 'Range' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {key.kind !== 'range' && numberField('value', 'Correct answer')}
        {key.kind === 'tolerance' && numberField('tolerance', 'Tolerance (±)')}
        {key.kind === 'range' && numberField('min', 'From (inclusive)')}
        {key.kind === 'range' && numberField('max', 'To (inclusive)')}
      </SimpleGrid>
      {errorAt('key') && (
        <Text size="xs" c="red">
          {errorAt('key')}
        </Text>
      )}
      <Group gap="lg" align="flex-end">
        <Switch
          label="Integer answers only"
          checked={draft.format.integerOnly}
          onChange={(event) => setFormat({ integerOnly: event.currentTarget.checked })}
          mb={8}
        />
        <NumberInput
          label="Decimal places"
          placeholder="As typed"
          min={0}
          max={10}
          allowDecimal={false}
          value={draft.format.decimals}
          onChange={(value) => setFormat({ decimals: typeof value === 'number' ? value : '' })}
          error={errorAt('format.decimals')}
          w={140}
        />
        {draft.format.decimals !== '' && (
          <Select
            label="Bring answers to those places by"
            data={roundingOptions}
            value={draft.format.rounding}
            onChange={(value) => setFormat({ rounding: value ?? 'round' })}
            allowDeselect={false}
            w={280}
          />
        )}
      </Group>
    </Stack>
  );
}

function MatrixKeyEditor({ draft, errorAt, onChange }: AnswerKeyEditorProps) {
  const toggle = (row: string, column: string, isChecked: boolean) => {
    const current = draft.matrixKey[row] ?? [];
    const columns = isChecked
      ? draft.allowMultiplePerRow
        ? [...current, column]
        : [column]
      : current.filter((item) => item !== column);
    onChange({ matrixKey: { ...draft.matrixKey, [row]: columns } });
  };
  return (
    <Stack gap="sm">
      <Switch
        label="A row may match more than one column"
        checked={draft.allowMultiplePerRow}
        onChange={(event) => onChange({ allowMultiplePerRow: event.currentTarget.checked })}
      />
      <Table.ScrollContainer minWidth={120 + draft.columns.length * 56} type="native">
        <Table withTableBorder withColumnBorders w="auto" aria-label="Matrix answer key">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {draft.columns.map((column, index) => (
                <Table.Th key={column} ta="center">
                  {choiceLabel('columns', index)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.rows.map((row, rowIndex) => (
              <Table.Tr key={row}>
                <Table.Th>
                  {choiceLabel('rows', rowIndex)}
                  {errorAt(`key.matches.${row}`) && (
                    <Text size="xs" c="red" fw={400}>
                      {errorAt(`key.matches.${row}`)}
                    </Text>
                  )}
                </Table.Th>
                {draft.columns.map((column, columnIndex) => (
                  <Table.Td key={column} ta="center">
                    <Checkbox
                      aria-label={`${choiceLabel('rows', rowIndex)} matches ${choiceLabel('columns', columnIndex)}`}
                      checked={(draft.matrixKey[row] ?? []).includes(column)}
                      onChange={(event) => toggle(row, column, event.currentTarget.checked)}
                      style={{ display: 'inline-block' }}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
