import { Badge, Group, Radio, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { LoadError } from '../../components/QueryStates';
import { useExamTemplates } from './api';
import { formatMinutes } from './time-format';
import type { ExamTemplateView } from './types';

export const SCRATCH = 'scratch';

/** The value of a template choice: `id@version`, or SCRATCH for an empty paper. */
export function templateKey(template: ExamTemplateView): string {
  return `${template.id}@${template.version}`;
}

export function TemplatePicker({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const templates = useExamTemplates();
  if (templates.isError) {
    return <LoadError error={templates.error} onRetry={() => void templates.refetch()} />;
  }
  return (
    <Radio.Group
      value={value}
      onChange={onChange}
      label="Pattern"
      description="Sections, marking and timing come from the pattern; you can still change them."
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
        {templates.isPending
          ? Array.from({ length: 4 }, (_, index) => <Skeleton key={index} height={92} radius="md" />)
          : templates.data.map((template) => (
              <TemplateCard
                key={templateKey(template)}
                template={template}
                checked={value === templateKey(template)}
              />
            ))}
        <Radio.Card value={SCRATCH} radius="md" p="sm" aria-label="From scratch">
          <Group wrap="nowrap" align="flex-start" gap="sm">
            <Radio.Indicator mt={2} />
            <div>
              <Text fw={600} size="sm">
                From scratch
              </Text>
              <Text size="xs" c="dimmed">
                One empty section with +4 / −1 marking; add sections as you need.
              </Text>
            </div>
          </Group>
        </Radio.Card>
      </SimpleGrid>
    </Radio.Group>
  );
}

function TemplateCard({ template, checked }: { template: ExamTemplateView; checked: boolean }) {
  const questions = template.sections.reduce((sum, section) => sum + section.questionCount, 0);
  return (
    <Radio.Card
      value={templateKey(template)}
      radius="md"
      p="sm"
      aria-label={template.name}
      bg={checked ? 'blue.0' : undefined}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={2} />
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {template.name}
          </Text>
          <Text size="xs" c="dimmed">
            {template.sections.length} sections · {questions} questions · {template.totalMarks} marks ·{' '}
            {formatMinutes(template.durationMinutes)}
          </Text>
          <Group gap={4}>
            <Badge size="xs" variant="outline" color="gray" tt="none">
              {template.version} pattern
            </Badge>
            {template.lockedSections && (
              <Badge size="xs" variant="light" color="orange" tt="none">
                Locked sections
              </Badge>
            )}
            {template.sections.some((section) => section.bestOf !== undefined) && (
              <Badge size="xs" variant="light" color="grape" tt="none">
                Best k of n
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
    </Radio.Card>
  );
}
