import { languageLabel } from '@examtech/core';
import { Alert, Anchor, Button, Group, Loader, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowLeft, IconDice5, IconEyeCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryContent } from '../../../components/QueryContent';
import { useExamPreview } from '../api';
import { formatSignedMarks } from '../labels';
import { formatMinutes } from '../time-format';
import { CandidateQuestionView } from './CandidateQuestionView';

const seedFor = (candidate: number) => `sample-candidate-${candidate}`;

/** The paper as one sample candidate receives it: their shuffles, no keys (the server sends none). */
export function ExamPreviewPage() {
  const { examId = '' } = useParams();
  const [candidate, setCandidate] = useState(1);
  const [language, setLanguage] = useState('en');
  const preview = useExamPreview(examId, seedFor(candidate));

  return (
    <>
      <Anchor
        component={Link}
        to={`/exams/${examId}`}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> Back to the builder
      </Anchor>
      <PageHeader
        title={preview.data ? `Preview: ${preview.data.name}` : 'Preview'}
        description={`As sample candidate ${candidate} sees it. Another candidate gets another order where sections shuffle.`}
        actions={
          <Group gap="xs">
            {preview.isFetching && <Loader size="xs" aria-label="Loading this candidate's paper" />}
            <Button
              variant="default"
              leftSection={<IconDice5 size={16} />}
              onClick={() => setCandidate((current) => current + 1)}
            >
              Another candidate
            </Button>
          </Group>
        }
      />
      <QueryContent query={preview}>
        {(paper) => {
          const languages = [
            ...new Set(paper.sections.flatMap((s) => s.questions.flatMap((q) => Object.keys(q.content)))),
          ];
          let number = 0;
          return (
            <Stack gap="md">
              <Alert variant="light" color="gray" icon={<IconEyeCheck size={18} />}>
                <Text size="sm">
                  {formatMinutes(paper.durationMinutes)}
                  {paper.lockedSections
                    ? ', each section in its own time, no going back'
                    : ', one timer for the whole paper'}
                  . Answer keys and solutions are not part of what candidates receive.
                </Text>
              </Alert>
              {languages.length > 1 && (
                <SegmentedControl
                  aria-label="Language"
                  data={languages.map((code) => ({
                    value: code,
                    label: languageLabel(code, 'native') ?? code,
                  }))}
                  value={language}
                  onChange={setLanguage}
                  style={{ alignSelf: 'flex-start' }}
                />
              )}
              <Tabs defaultValue={paper.sections[0]?.id} variant="outline">
                <Tabs.List>
                  {paper.sections.map((section) => (
                    <Tabs.Tab key={section.id} value={section.id}>
                      {section.name}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
                {paper.sections.map((section) => {
                  const first = number;
                  number += section.questions.length;
                  return (
                    <Tabs.Panel key={section.id} value={section.id} pt="md">
                      <Text size="sm" c="dimmed" mb="sm">
                        {section.questions.length} questions · {formatSignedMarks(section.scheme.correct)}{' '}
                        correct, {formatSignedMarks(section.scheme.wrong)} wrong
                        {section.bestOf !== undefined ? ` · attempt any ${section.bestOf}` : ''}
                      </Text>
                      <Stack gap="sm">
                        {section.questions.map((question, index) => (
                          <CandidateQuestionView
                            key={question.id}
                            question={question}
                            number={first + index + 1}
                            language={language}
                          />
                        ))}
                      </Stack>
                    </Tabs.Panel>
                  );
                })}
              </Tabs>
            </Stack>
          );
        }}
      </QueryContent>
    </>
  );
}
