import {
  isSpanContextValid,
  ProxyTracerProvider,
  SpanStatusCode,
  trace,
  type Attributes,
} from '@opentelemetry/api';

/**
 * What the app's own code knows of tracing: the OpenTelemetry API only. Without the SDK set up by
 * platform/tracing.ts (no OTEL_EXPORTER_OTLP_ENDPOINT) every call here is a no-op.
 */
const tracer = trace.getTracer('examtech');

/** Runs `fn` in a span of its own: the queries and Redis calls it makes become its children. */
export function inSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn();
    } catch (err) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: err instanceof Error ? err.message : String(err),
      });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Pino's mixin: the active span's trace and span ids on each log line (the names OpenTelemetry's log correlation uses). */
export function traceLogFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const context = span.spanContext();
  return isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}

/** Sends the spans still buffered (at shutdown); nothing to do when tracing is off. */
export async function flushTraces(): Promise<void> {
  const global = trace.getTracerProvider();
  const provider: object = global instanceof ProxyTracerProvider ? global.getDelegate() : global;
  if ('forceFlush' in provider && typeof provider.forceFlush === 'function')
    await (provider.forceFlush as () => Promise<void>).call(provider);
}
