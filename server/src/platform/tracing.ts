/**
 * OpenTelemetry set-up, loaded before the app with `--import` (the start script, the cluster):
 * instrumentations patch `pg` and `ioredis` as they load, and ES modules can only be patched
 * through a loader hook registered before they are imported. Without OTEL_EXPORTER_OTLP_ENDPOINT
 * it does nothing and loads nothing.
 */
import { register } from 'node:module';
import { context, propagation, trace } from '@opentelemetry/api';
import { readTracingConfig } from './config.js';

const tracing = readTracingConfig();
if (tracing) {
  const { createAddHookMessageChannel } = await import('import-in-the-middle');
  // Only the modules an instrumentation asks for are wrapped, not every module the app imports.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

  const [sdk, { AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, { OTLPTraceExporter }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace'),
      import('@opentelemetry/context-async-hooks'),
      import('@opentelemetry/core'),
      import('@opentelemetry/exporter-trace-otlp-http'),
    ]);
  const [{ resourceFromAttributes }, { registerInstrumentations }, pgTracing, redisTracing, fastifyOtel] =
    await Promise.all([
      import('@opentelemetry/resources'),
      import('@opentelemetry/instrumentation'),
      import('@opentelemetry/instrumentation-pg'),
      import('@opentelemetry/instrumentation-ioredis'),
      import('@fastify/otel'),
    ]);
  const provider = new sdk.TracerProvider({
    resource: resourceFromAttributes({ 'service.name': tracing.serviceName }),
    // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and …_HEADERS) itself and posts JSON to …/v1/traces.
    spanProcessors: [new sdk.BatchSpanProcessor({ exporter: new OTLPTraceExporter() })],
  });
  // A span stays the active one across awaits (AsyncLocalStorage); W3C traceparent headers are read.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  // Scrapes and probes every few seconds are not worth a trace each.
  const untraced = new Set(['/metrics', '/health', '/ready']);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Queries and commands outside a request or a save (sweeper, job poll, replica checks) make no trace.
      new pgTracing.PgInstrumentation({ requireParentSpan: true }),
      new redisTracing.IORedisInstrumentation({ requireParentSpan: true }),
      new fastifyOtel.FastifyOtelInstrumentation({
        registerOnInitialization: true,
        ignorePaths: (route) => untraced.has(route.url),
      }),
    ],
  });
  await waitForAllMessagesAcknowledged();
}
