import { Alert, Button, List, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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

/** The first `limit` messages, whole, with their section headings (a heading only above its messages). */
export function limitGroups(groups: [string, string[]][], limit: number): [string, string[]][] {
  const shown: [string, string[]][] = [];
  let left = limit;
  for (const [name, messages] of groups) {
    if (left <= 0) break;
    shown.push([name, messages.slice(0, left)]);
    left -= messages.length;
  }
  return shown;
}

export function IssueList({
  issues,
  sections,
  limit,
}: {
  issues: CheckIssue[];
  sections: Pick<DraftSection, 'name'>[];
  /** Show only this many issues (whole lines); all when absent. */
  limit?: number;
}) {
  const groups = groupIssues(issues, sections);
  return (
    <List size="sm" spacing={4}>
      {(limit === undefined ? groups : limitGroups(groups, limit)).map(([name, messages]) => (
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

/** How many issues the banner lists before "show all". */
const BANNER_ISSUES = 4;

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
  const { t } = useTranslation();
  const [isExpanded, setExpanded] = useState(false);
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
      {/* Whole lines only: a height cut-off sliced a line in half. */}
      <IssueList
        issues={check.issues}
        sections={sections}
        {...(isExpanded ? {} : { limit: BANNER_ISSUES })}
      />
      {check.issues.length > BANNER_ISSUES && (
        <Button
          variant="subtle"
          size="compact-sm"
          mt={4}
          px={0}
          aria-expanded={isExpanded}
          onClick={() => setExpanded(!isExpanded)}
        >
          {isExpanded
            ? t('builder.checker.showFewer')
            : t('builder.checker.showAll', { count: check.issues.length })}
        </Button>
      )}
    </Alert>
  );
}
