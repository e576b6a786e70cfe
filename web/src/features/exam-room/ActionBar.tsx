import { Button, Group } from '@mantine/core';
import type { ExamSession } from './useExamSession';

/** The NTA buttons, in NTA's order and colours. */
export function ActionBar({ session, onSubmit }: { session: ExamSession; onSubmit: () => void }) {
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <Group gap="xs" wrap="wrap">
        <Button color="green" onClick={session.saveAndNext}>
          Save &amp; Next
        </Button>
        <Button color="orange" onClick={session.saveAndMark}>
          Save &amp; Mark for Review
        </Button>
        <Button variant="default" onClick={session.clearResponse}>
          Clear Response
        </Button>
        <Button color="grape" onClick={session.markAndNext}>
          Mark for Review &amp; Next
        </Button>
      </Group>
      <Group gap="xs" wrap="wrap">
        <Button variant="default" disabled={!session.hasPrevious} onClick={session.goBack}>
          Back
        </Button>
        <Button variant="default" disabled={!session.hasNext} onClick={session.goNext}>
          Next
        </Button>
        <Button color="blue" onClick={onSubmit}>
          Submit
        </Button>
      </Group>
    </Group>
  );
}
