import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { CandidatePaper } from '@examtech/core';
import { useMemo, useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { QueryContent } from '../../components/QueryContent';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useExam } from '../exams/api';
import {
  useKeyRevisions,
  useReviseKey,
  useRevisablePaper,
  type DropAward,
  type KeyRevision,
  type RevisionInput,
  type RevisionKey,
  type RevisionKind,
} from './revisions-api';

type Choice = { questionId: string; number: number; type: string; label: string; options: string[] };

const KIND_LABELS: Record<RevisionKind, string> = {
  change_key: 'Change key',
  accept_keys: 'Accept several',
  drop: 'Drop',
};

function optionsById(paper: CandidatePaper): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const section of paper.sections)
    for (const q of section.questions) map.set(q.id, 'options' in q ? q.options.map((o) => o.id) : []);
  return map;
}

/** What the form builds into a request; null while incomplete. */
function buildInput(
  choice: Choice,
  kind: RevisionKind,
  picked: string[],
  value: string,
  award: DropAward,
  reason: string,
): RevisionInput | null {
  const base = { questionId: choice.questionId, reason: reason.trim() };
  if (base.reason === '') return null;
  if (kind === 'drop') return { ...base, kind, award };
  const values = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const keys: RevisionKey[] =
    choice.type === 'numerical'
      ? values.map((v) => ({ kind: 'exact', value: v }))
      : choice.type === 'mcq_multi' && kind === 'change_key'
        ? picked.length > 0
          ? [{ optionIds: picked }]
          : []
        : picked.map((optionId) => ({ optionId }));
  if (kind === 'change_key') return keys.length === 1 ? { ...base, kind, key: keys[0]! } : null;
  return keys.length > 0 ? { ...base, kind, keys } : null;
}

function describeRevision(revision: KeyRevision): string {
  if (revision.kind === 'drop')
    return revision.award === 'everyone'
      ? 'Dropped: marks to everyone'
      : 'Dropped: marks to who attempted it';
  const keys = (revision.keys ?? []).map((k) =>
    typeof k.optionId === 'string'
      ? k.optionId
      : Array.isArray(k.optionIds)
        ? k.optionIds.join('+')
        : typeof k.value === 'string'
          ? k.value
          : JSON.stringify(k),
  );
  return `${revision.kind === 'change_key' ? 'Key changed to' : 'Accepted'} ${keys.join(', ')}`;
}

function RevisionTrail({ revisions }: { revisions: KeyRevision[] }) {
  if (revisions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No revisions yet.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped aria-label="Answer key revisions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Question</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {revisions.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.seq}</Table.Td>
              <Table.Td>Q{r.questionNumber ?? '?'}</Table.Td>
              <Table.Td>{describeRevision(r)}</Table.Td>
              <Table.Td>{r.reason}</Table.Td>
              <Table.Td>
                {new Date(r.createdAt).toLocaleString('en-IN', { dateStyle: 'medium', timeStyle: 'short' })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Answer-key revisions of an exam for its teachers: pick a question, change its key, accept several
 * answers or drop it (marks to everyone or to who attempted it), with a reason and a confirmation.
 * Every attempt is rescored; the list below is the audit trail.
 */
export function KeyRevisionsCard({ examId }: { examId: string }) {
  const exam = useExam(examId);
  const paper = useRevisablePaper(examId);
  const revisions = useKeyRevisions(examId);
  const revise = useReviseKey(examId);
  const [questionId, setQuestionId] = useState<string | null>(null);
  const [kind, setKind] = useState<RevisionKind>('change_key');
  const [picked, setPicked] = useState<string[]>([]);
  const [value, setValue] = useState('');
  const [award, setAward] = useState<DropAward>('everyone');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);

  const choices = useMemo<Choice[]>(() => {
    if (!exam.data || !paper.data) return [];
    const options = optionsById(paper.data);
    return exam.data.draft.sections
      .flatMap((s) => s.items)
      .map((item, index) => ({
        questionId: item.questionId,
        number: index + 1,
        type: item.question?.type ?? 'unknown',
        label: `Q${index + 1} · ${item.question?.stemPreview.slice(0, 60) ?? item.questionId}`,
        options: options.get(item.questionId) ?? [],
      }));
  }, [exam.data, paper.data]);
  const choice = choices.find((c) => c.questionId === questionId) ?? null;
  const hasOptions = (choice?.options.length ?? 0) > 0;
  const canChangeKey = choice !== null && (hasOptions || choice.type === 'numerical');
  const canAccept = canChangeKey && choice?.type !== 'mcq_multi';
  const effectiveKind: RevisionKind =
    (kind === 'change_key' && !canChangeKey) || (kind === 'accept_keys' && !canAccept) ? 'drop' : kind;
  const input = choice && buildInput(choice, effectiveKind, picked, value, award, reason);
  const single = effectiveKind === 'change_key' && choice?.type !== 'mcq_multi';

  const reset = () => {
    setPicked([]);
    setValue('');
    setReason('');
  };
  const submit = () => {
    if (!input) return;
    revise.mutate(input, {
      onSuccess: () => {
        notifySuccess('Every attempt was rescored; ranks and percentiles are up to date.', 'Key revised');
        reset();
      },
      onError: (error) => notifyError(error, 'Key not revised'),
      onSettled: () => setConfirming(false),
    });
  };

  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="key-revisions-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id="key-revisions-title">
            Answer key revisions
          </Title>
          <Badge variant="light">{revisions.data?.length ?? 0}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Possible once every candidate has finished. Every submitted attempt is rescored at once.
        </Text>
        <Select
          label="Question"
          placeholder="Pick a question of the paper"
          data={choices.map((c) => ({ value: c.questionId, label: c.label }))}
          value={questionId}
          onChange={(id) => {
            setQuestionId(id);
            setPicked([]);
          }}
          searchable
        />
        {choice && (
          <>
            <SegmentedControl
              aria-label="Kind of revision"
              value={effectiveKind}
              onChange={(v) => setKind(v)}
              data={(['change_key', 'accept_keys', 'drop'] as const).map((k) => ({
                value: k,
                label: KIND_LABELS[k],
                disabled: (k === 'change_key' && !canChangeKey) || (k === 'accept_keys' && !canAccept),
              }))}
            />
            {effectiveKind === 'drop' ? (
              <Radio.Group label="Marks for the dropped question" value={award} onChange={(v) => setAward(v)}>
                <Group mt="xs">
                  <Radio value="everyone" label="Full marks to everyone" />
                  <Radio value="attempted" label="Full marks to those who attempted it" />
                </Group>
              </Radio.Group>
            ) : choice.type === 'numerical' ? (
              <TextInput
                label={single ? 'Correct value' : 'Accepted values (comma separated)'}
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
              />
            ) : single ? (
              <Radio.Group label="Correct option" value={picked[0] ?? null} onChange={(v) => setPicked([v])}>
                <Group mt="xs">
                  {choice.options.map((o) => (
                    <Radio key={o} value={o} label={o.toUpperCase()} />
                  ))}
                </Group>
              </Radio.Group>
            ) : (
              <Checkbox.Group
                label={effectiveKind === 'accept_keys' ? 'Accepted options' : 'Correct options'}
                value={picked}
                onChange={setPicked}
              >
                <Group mt="xs">
                  {choice.options.map((o) => (
                    <Checkbox key={o} value={o} label={o.toUpperCase()} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
            <Textarea
              label="Reason"
              description="Shown to the candidates with the change once results are released."
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
            <Group>
              <Button disabled={!input} onClick={() => setConfirming(true)}>
                Revise and rescore
              </Button>
            </Group>
          </>
        )}
        <QueryContent query={revisions}>{(list) => <RevisionTrail revisions={list} />}</QueryContent>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title="Revise the answer key?"
        confirmLabel="Revise and rescore"
        color="blue"
        loading={revise.isPending}
        onConfirm={submit}
        onClose={() => setConfirming(false)}
      >
        Q{choice?.number}: {KIND_LABELS[effectiveKind].toLowerCase()}. Every attempt is rescored and ranks
        move. The revision is kept in the audit trail and cannot be undone.
      </ConfirmModal>
    </Card>
  );
}
