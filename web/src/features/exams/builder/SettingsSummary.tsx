import { SimpleGrid, Text } from '@mantine/core';
import { LANGUAGE_LABELS } from '@examtech/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExamSettings } from '../types';

/** The saved settings, as Publish will freeze them: the teacher sees what candidates get. */
export function SettingsSummary({ settings }: { settings: ExamSettings }) {
  const { t } = useTranslation();
  const onOff = (value: boolean) => (value ? t('builder.publish.on') : t('builder.publish.off'));
  const violations = (count: number) =>
    count === 0 ? t('builder.publish.never') : t('builder.publish.violations', { count });
  const { proctoring, resultRelease } = settings;
  const release =
    resultRelease.mode === 'scheduled'
      ? t('builder.publish.releaseScheduled', {
          at: resultRelease.at ? dayjs(resultRelease.at).format('DD MMM YYYY, hh:mm A') : '—',
        })
      : resultRelease.mode === 'manual'
        ? t('builder.publish.releaseManual')
        : t('builder.publish.releaseInstant');
  const rows: [string, string][] = [
    [
      t('builder.publish.languages'),
      settings.languages.map((language) => LANGUAGE_LABELS[language].native).join(', '),
    ],
    [t('builder.publish.calculator'), onOff(settings.calculator)],
    [
      t('builder.publish.webcam'),
      proctoring.webcamSnapshots
        ? `${onOff(true)}, ${t('builder.publish.everySeconds', { count: proctoring.snapshotIntervalSeconds })}`
        : onOff(false),
    ],
    [t('builder.publish.screenRecording'), onOff(proctoring.screenRecording)],
    [t('builder.publish.tabSwitches'), onOff(proctoring.tabSwitchDetection)],
    [t('builder.publish.fullScreen'), onOff(proctoring.fullScreenRequired)],
    [t('builder.publish.warnAfter'), violations(proctoring.warnAfterViolations)],
    [t('builder.publish.submitAfter'), violations(proctoring.submitAfterViolations)],
    [t('builder.publish.results'), release],
    [t('builder.publish.answerKey'), onOff(settings.showAnswerKeyAfterRelease)],
  ];
  return (
    <>
      <Text size="sm" fw={600} mt="sm" mb={4}>
        {t('builder.publish.frozenSettings')}
      </Text>
      <SimpleGrid
        cols={2}
        spacing={4}
        verticalSpacing={2}
        component="dl"
        data-testid="publish-settings"
        style={{ margin: 0 }}
      >
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <Text size="sm" c="dimmed" component="dt">
              {label}
            </Text>
            <Text size="sm" component="dd" m={0}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </>
  );
}
