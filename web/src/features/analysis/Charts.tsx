// The analysis page's charts, drawn with recharts. Loaded lazily (React.lazy in Summary.tsx) so the
// exam room's bundle does not carry the chart library.
import { SimpleGrid, Stack, useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from './ChartCard';
import { useAnalysisFormat } from './format';
import type { AttemptAnalysis } from './types';

const AXIS_FONT = { fontSize: 12 };
/** Room for a category label beside a horizontal bar (section names, Q-numbers). */
const LABEL_WIDTH = 96;

function ScoreBreakdown({ analysis }: { analysis: AttemptAnalysis }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const theme = useMantineTheme();
  const data = analysis.sections.map((s) => ({ name: s.name, scored: s.marks, maximum: s.maxMarks }));
  return (
    <ChartCard
      testId="chart-score"
      title={t('analysis.charts.scoreBreakdown')}
      description={t('analysis.charts.scoreBreakdownDesc')}
      table={{
        head: [t('analysis.charts.section'), t('analysis.charts.scored'), t('analysis.charts.maximum')],
        rows: data.map((d) => ({ key: d.name, cells: [d.name, f.number(d.scored), f.number(d.maximum)] })),
      }}
    >
      <ResponsiveContainer width="100%" height={60 + data.length * 56}>
        <BarChart data={data} layout="vertical" margin={{ left: 0, right: 12, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tick={AXIS_FONT} tickFormatter={(v: number) => f.number(v)} />
          <YAxis type="category" dataKey="name" width={LABEL_WIDTH} tick={AXIS_FONT} />
          <Tooltip formatter={(v) => f.number(Number(v))} />
          <Legend wrapperStyle={AXIS_FONT} />
          <Bar dataKey="scored" name={t('analysis.charts.scored')} fill={theme.colors.blue[6]} />
          <Bar dataKey="maximum" name={t('analysis.charts.maximum')} fill={theme.colors.gray[4]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function DifficultyAccuracy({ analysis }: { analysis: AttemptAnalysis }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const theme = useMantineTheme();
  const data = analysis.byDifficulty.map((d) => ({
    name: t(`analysis.difficulty.${d.difficulty}`),
    accuracy: d.accuracy === null ? 0 : Math.round(d.accuracy * 100),
    source: d,
  }));
  return (
    <ChartCard
      testId="chart-difficulty"
      title={t('analysis.charts.byDifficulty')}
      description={t('analysis.charts.byDifficultyDesc')}
      table={{
        head: [
          t('analysis.charts.difficulty'),
          t('analysis.counts.accuracy'),
          t('analysis.counts.correct'),
          t('analysis.charts.attempted'),
          t('analysis.charts.questions'),
        ],
        rows: data.map(({ name, source: d }) => ({
          key: d.difficulty,
          cells: [
            name,
            f.share(d.accuracy),
            f.number(d.correct),
            f.number(d.attempted),
            f.number(d.questions),
          ],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ left: 0, right: 12, top: 8, bottom: 4 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={AXIS_FONT} />
          <YAxis
            domain={[0, 100]}
            width={48}
            tick={AXIS_FONT}
            tickFormatter={(v: number) => f.share(v / 100)}
          />
          <Tooltip formatter={(v) => f.share(Number(v) / 100)} />
          <Bar dataKey="accuracy" name={t('analysis.counts.accuracy')} fill={theme.colors.teal[6]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function TimePerQuestion({ analysis }: { analysis: AttemptAnalysis }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const theme = useMantineTheme();
  const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));
  const data = analysis.questions.map((q) => ({
    name: t('analysis.q', { number: q.number }),
    you: seconds(q.timeSpentMs),
    average: seconds(q.classAverageMs),
    source: q,
  }));
  return (
    <ChartCard
      testId="chart-time"
      title={t('analysis.charts.timePerQuestion')}
      description={t('analysis.charts.timePerQuestionDesc')}
      table={{
        head: [t('analysis.charts.question'), t('analysis.charts.you'), t('analysis.charts.classAverage')],
        rows: data.map(({ name, source: q }) => ({
          key: q.questionId,
          cells: [
            name,
            f.duration(q.timeSpentMs),
            q.classAverageMs === null ? '—' : f.duration(q.classAverageMs),
          ],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height={70 + data.length * 34}>
        <BarChart data={data} layout="vertical" margin={{ left: 0, right: 12, top: 4, bottom: 4 }} barGap={1}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis
            type="number"
            tick={AXIS_FONT}
            tickFormatter={(v: number) => f.duration(v * 1000)}
            label={{
              value: t('analysis.charts.seconds'),
              position: 'insideBottomRight',
              offset: -2,
              ...AXIS_FONT,
            }}
          />
          <YAxis type="category" dataKey="name" width={56} tick={AXIS_FONT} />
          <Tooltip formatter={(v) => f.duration(Number(v) * 1000)} />
          <Legend wrapperStyle={AXIS_FONT} />
          <Bar dataKey="you" name={t('analysis.charts.you')} fill={theme.colors.blue[6]} />
          <Bar dataKey="average" name={t('analysis.charts.classAverage')} fill={theme.colors.gray[5]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Score breakdown and accuracy by difficulty side by side; time per question below, full width. */
export default function AnalysisCharts({ analysis }: { analysis: AttemptAnalysis }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ScoreBreakdown analysis={analysis} />
        <DifficultyAccuracy analysis={analysis} />
      </SimpleGrid>
      <TimePerQuestion analysis={analysis} />
    </Stack>
  );
}
