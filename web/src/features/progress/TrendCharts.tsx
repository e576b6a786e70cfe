import { Paper, Stack, Text } from '@mantine/core';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** One point of a chart: its date label and the values of its lines (null leaves a gap). */
export type ChartPoint = { key: string; label: string } & Record<string, number | string | null>;
export type ChartLine = { dataKey: string; name: string; color: string };

/**
 * A line chart over time (recharts). Loaded lazily (TrendsSection) so recharts stays in its own
 * chunk, out of the exam room's bundle.
 */
export function TrendChart({
  title,
  data,
  lines,
  domain,
}: {
  title: string;
  data: ChartPoint[];
  lines: ChartLine[];
  domain?: [number | 'auto', number | 'auto'];
}) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <div role="img" aria-label={title} style={{ width: '100%', height: 240 }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
              <YAxis tick={{ fontSize: 11 }} domain={domain ?? ['auto', 'auto']} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {lines.map((line) => (
                <Line
                  key={line.dataKey}
                  type="monotone"
                  dataKey={line.dataKey}
                  name={line.name}
                  stroke={line.color}
                  strokeWidth={2}
                  dot={{ r: 3 }}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </Stack>
    </Paper>
  );
}

export default TrendChart;
