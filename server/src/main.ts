import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { flushTraces } from './platform/spans.js';
import { demoLogins } from './seed/demo-accounts.js';

function printDemoLogins(url: string): void {
  const lines = [
    '',
    `ExamTech is running at ${url}`,
    'Demo accounts (seeded on first run):',
    ...demoLogins.map((l) => `  ${l.role.padEnd(18)} ${l.email.padEnd(28)} ${l.password}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw err;
  }

  const { http: app } = await buildApp(config);
  // Thousands of candidates connect in the same seconds at T0; beyond Node's default of 511 pending
  // connections the kernel drops new ones (they time out) instead of letting them wait their turn.
  await app.listen({ host: config.host, port: config.port, backlog: 4096 });
  if (config.seedDemoData) printDemoLogins(config.publicUrl ?? `http://localhost:${config.port}`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    app
      .close()
      // The last requests' spans are still buffered: sent before the process goes.
      .then(() => flushTraces().catch(() => undefined))
      .then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'error during shutdown');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
