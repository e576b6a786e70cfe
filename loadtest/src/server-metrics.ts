/**
 * Samples the server's own Prometheus metrics: CPU seconds and resident memory, over the run. A
 * deployment with METRICS_TOKEN needs the same token in this process's environment.
 */
export function sampleServerMetrics(baseUrl: string, everyMs = 2000) {
  const token = process.env.METRICS_TOKEN;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const samples: { at: number; cpuSeconds: number; rssBytes: number }[] = [];
  const read = async () => {
    try {
      const text = await (await fetch(`${baseUrl}/metrics`, { headers })).text();
      const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+]+)`, 'm').exec(text)?.[1] ?? NaN);
      samples.push({
        at: Date.now(),
        cpuSeconds: value('process_cpu_seconds_total'),
        rssBytes: value('process_resident_memory_bytes'),
      });
    } catch {
      // A missed sample is not an error of the system under test.
    }
  };
  void read();
  const timer = setInterval(() => void read(), everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await read();
      const first = samples[0];
      const last = samples.at(-1);
      if (!first || !last || last.at === first.at) return { cpuPercent: null, peakRssMb: null };
      return {
        cpuPercent: Math.round(((last.cpuSeconds - first.cpuSeconds) / ((last.at - first.at) / 1000)) * 100),
        peakRssMb: Math.round(Math.max(...samples.map((s) => s.rssBytes)) / 1048576),
      };
    },
  };
}
