import { Alert, Anchor, Button, Group, Stack, Tabs, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconEye, IconLock, IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryContent } from '../../../components/QueryContent';
import { useExam, useExamTemplates } from '../api';
import { ExamStatusBadge } from '../ExamStatusBadge';
import { formatMinutes } from '../time-format';
import { ScheduleForm } from '../schedule/ScheduleForm';
import type { ExamDetail } from '../types';
import { AutofillModal } from './AutofillModal';
import { CheckerStatus } from './CheckerStatus';
import { ExamSettingsForm } from './ExamSettingsForm';
import { PaperBoard } from './PaperBoard';
import { PaperDetailsForm } from './PaperDetailsForm';
import { KeyRevisionsCard } from '../../results/KeyRevisionsCard';
import { ReleaseResultsCard } from '../../results/ReleaseResultsCard';
import { PublishControls } from './PublishControls';
import { SaveIndicator } from './SaveIndicator';
import { useDraftEditor } from './useDraftEditor';
import { useExamSettingsForm } from './useExamSettingsForm';

export function ExamBuilderPage() {
  const { examId = '' } = useParams();
  const exam = useExam(examId);
  return <QueryContent query={exam}>{(data) => <ExamBuilder key={data.id} exam={data} />}</QueryContent>;
}

type BuilderTab = 'paper' | 'details' | 'settings' | 'schedule';

function ExamBuilder({ exam }: { exam: ExamDetail }) {
  const { t } = useTranslation();
  const editor = useDraftEditor(exam);
  const settings = useExamSettingsForm(exam);
  const navigate = useNavigate();
  const templates = useExamTemplates();
  const [tab, setTab] = useState<BuilderTab>(exam.status === 'draft' ? 'paper' : 'schedule');
  const [isAutofillOpen, setAutofillOpen] = useState(false);
  const template = templates.data?.find(
    (t) => t.id === exam.templateId && t.version === exam.templateVersion,
  );
  const templateName = template ? `${template.name} ${template.version}` : null;
  const questionCount = editor.draft.sections.reduce((sum, section) => sum + section.items.length, 0);

  const openPreview = async () => {
    await editor.flush();
    await navigate(`/exams/${exam.id}/preview`);
  };

  return (
    <>
      <Anchor
        component={Link}
        to="/exams"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> All exams
      </Anchor>
      <PageHeader
        title={editor.draft.title}
        description={
          <Group gap="xs" component="span">
            <ExamStatusBadge status={exam.status} />
            <Text span size="sm" c="dimmed">
              {templateName ?? 'Custom pattern'} · {questionCount} questions ·{' '}
              {formatMinutes(editor.draft.durationMinutes)}
            </Text>
            {!editor.isReadOnly && <SaveIndicator editor={editor} />}
          </Group>
        }
        actions={
          <>
            {!editor.isReadOnly && (
              <Button
                variant="default"
                leftSection={<IconWand size={16} />}
                onClick={() => setAutofillOpen(true)}
              >
                Auto-select
              </Button>
            )}
            <Button variant="default" leftSection={<IconEye size={16} />} onClick={() => void openPreview()}>
              Preview as candidate
            </Button>
            <PublishControls
              exam={exam}
              editor={editor}
              settings={settings}
              onOpenSettings={() => setTab('settings')}
            />
          </>
        }
      />
      <Stack gap="md">
        {editor.isReadOnly && (
          <Alert
            color="blue"
            variant="light"
            icon={<IconLock size={18} />}
            title="Published: the paper is frozen"
            role="status"
          >
            Candidates get exactly this snapshot. To change questions or settings, unpublish it first
            (possible until the first candidate starts).
          </Alert>
        )}
        {!editor.isReadOnly && (
          <CheckerStatus
            check={exam.check}
            templateName={templateName}
            sections={editor.draft.sections}
            isPending={editor.status === 'dirty' || editor.status === 'saving'}
          />
        )}
        <Tabs
          value={tab}
          onChange={(value) => setTab((value as BuilderTab | null) ?? 'paper')}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="paper">Paper</Tabs.Tab>
            <Tabs.Tab value="details">Timing &amp; instructions</Tabs.Tab>
            <Tabs.Tab value="settings">Settings</Tabs.Tab>
            {exam.status === 'draft' ? (
              <Tooltip label="Publish the exam first">
                <Tabs.Tab value="schedule" disabled>
                  Schedule
                </Tabs.Tab>
              </Tooltip>
            ) : (
              <Tabs.Tab value="schedule">Schedule</Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="paper">
            <PaperBoard editor={editor} examId={exam.id} />
          </Tabs.Panel>
          <Tabs.Panel value="details">
            <PaperDetailsForm editor={editor} />
          </Tabs.Panel>
          <Tabs.Panel value="settings">
            <ExamSettingsForm exam={exam} settings={settings} />
          </Tabs.Panel>
          <Tabs.Panel value="schedule">
            {exam.status !== 'draft' && (
              <Stack gap="md">
                <ReleaseResultsCard examId={exam.id} />
                <Anchor
                  component={Link}
                  to={`/exams/${exam.id}/results`}
                  size="sm"
                  data-testid="open-results"
                >
                  {t('results.open')}
                </Anchor>
                {exam.schedule && <KeyRevisionsCard examId={exam.id} />}
                <ScheduleForm exam={exam} />
              </Stack>
            )}
          </Tabs.Panel>
        </Tabs>
      </Stack>
      {isAutofillOpen && (
        <AutofillModal editor={editor} examId={exam.id} onClose={() => setAutofillOpen(false)} />
      )}
    </>
  );
}
