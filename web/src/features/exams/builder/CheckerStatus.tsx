import { Alert, List, Loader, Spoiler, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { CheckIssue, DraftSection, ExamCheck } from '../types';

/** The checker's issues under the section they concern (paths look like `sections.2.items.4`). */
export function groupIssues(issues: CheckIssue[], sections: Pick<DraftSection, 'name'>[]) {
  const groups = new Map<string, string[]>();
  for (const issue of issues) {
    const match = /^sections\.(\d+)/.exec(issue.path);
    const name = match ? (sections[Number(match[1])]?.name ?? 'Paper') : 'Paper';
    // Messages often start with the section's name already; it is shown once, as the heading.
    const message = issue.message.startsWith(`${name}: `)
      ? issue.message.slice(name.length + 2)
      : issue.message;
    groups.set(name, [...(groups.get(name) ?? []), message]);
  }
  return [...groups.entries()];
}

export function IssueList({
  issues,
  sections,
}: {
  issues: CheckIssue[];
  sections: Pick<DraftSection, 'name'>[];
}) {
  return (
    <List size="sm" spacing={4}>
      {groupIssues(issues, sections).map(([name, messages]) => (
        <List.Item key={name}>
          <Text span fw={600} size="sm">
            {name}
          </Text>
          <List size="sm" withPadding listStyleType="disc">
            {messages.map((message, index) => (
              <List.Item key={index}>{message}</List.Item>
            ))}
          </List>
        </List.Item>
      ))}
    </List>
  );
}

/** Live template check: recomputed by the server on every save of the draft. */
export function CheckerStatus({
  check,
  templateName,
  sections,
  isPending,
}: {
  check: ExamCheck;
  templateName: string | null;
  sections: DraftSection[];
  isPending: boolean;
}) {
  if (check.fits) {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={isPending ? <Loader size={16} color="teal" /> : <IconCircleCheck size={18} />}
        title={templateName ? `Fits ${templateName}` : 'Ready to publish'}
        data-testid="checker-status"
        aria-live="polite"
      >
        {isPending
          ? 'Checking your latest changes…'
          : 'Every section has the questions, types and marking it needs.'}
      </Alert>
    );
  }
  return (
    <Alert
      color="orange"
      variant="light"
      icon={isPending ? <Loader size={16} color="orange" /> : <IconAlertTriangle size={18} />}
      title={`${check.issues.length} ${check.issues.length === 1 ? 'thing' : 'things'} to fix${templateName ? ` to fit ${templateName}` : ''}`}
      data-testid="checker-status"
      aria-live="polite"
    >
      <Spoiler maxHeight={96} showLabel="Show all" hideLabel="Show less">
        <IssueList issues={check.issues} sections={sections} />
      </Spoiler>
    </Alert>
  );
}
