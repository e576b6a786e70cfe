// One process of the load generator: signs its share of the candidates in, runs them through the
// exam and hands their samples and logs back to the primary (cli.ts) over IPC. Several of these
// spread the generator's own CPU over the cores, so that it is not what limits the run.
import {
  newCandidateLog,
  runCandidate,
  type CandidateLog,
  type CandidateOptions,
  type CandidatePlan,
  type Save,
} from './candidate.js';
import { Client } from './client.js';
import { forEachLimited, Recorder, type Sample } from './stats.js';

export type WorkerInit = {
  type: 'init';
  plans: CandidatePlan[];
  options: CandidateOptions;
  password: string;
  loginConcurrency: number;
};
export type WireLog = Omit<CandidateLog, 'sent' | 'ackedSeqByQuestion'> & {
  sent: [number, Save][];
  ackedSeqByQuestion: [string, number][];
};
export type WorkerDone = {
  type: 'done';
  samples: Sample[];
  errors: [string, number][];
  retries: [string, number][];
  logs: WireLog[];
  cpu: NodeJS.CpuUsage;
};
export type WorkerReady = { type: 'ready'; signedIn: number };

const send = (message: WorkerReady | WorkerDone) =>
  new Promise<void>((resolve, reject) =>
    process.send?.(message, (err: Error | null) => (err ? reject(err) : resolve())),
  );

process.once('message', (init: WorkerInit) => {
  void run(init).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
});

async function run(init: WorkerInit): Promise<void> {
  const rec = new Recorder();
  const clients: (Client | undefined)[] = [];
  await forEachLimited(init.plans, init.loginConcurrency, async (plan, i) => {
    const client = new Client(init.options.baseUrl);
    try {
      const { mustChangePassword } = await rec.time('login', () => client.login(plan.email, init.password));
      // Imported accounts choose their own password at first sign-in (this session stays signed in):
      // at a real centre that happened days before; here it is part of the sign-in phase.
      if (mustChangePassword)
        await rec.time('password_change', () => client.chooseOwnPassword(init.password));
      clients[i] = client;
    } catch {
      // Counted as a login error; the candidate does not sit the exam.
    }
  });
  await send({ type: 'ready', signedIn: clients.filter(Boolean).length });
  const logs: CandidateLog[] = [];
  await Promise.all(
    init.plans.map(async (plan, i) => {
      const client = clients[i];
      if (!client) return;
      const log = newCandidateLog(plan.email);
      logs.push(log);
      try {
        await runCandidate(plan, init.options, rec, client, log);
      } catch (err) {
        rec.fail('candidate', (err as Error).message.slice(0, 80));
      }
    }),
  );
  await send({
    type: 'done',
    samples: rec.samples,
    errors: [...rec.errors],
    retries: [...rec.retries],
    logs: logs.map((log) => ({
      ...log,
      sent: [...log.sent],
      ackedSeqByQuestion: [...log.ackedSeqByQuestion],
    })),
    cpu: process.cpuUsage(),
  });
  process.exit(0);
}
