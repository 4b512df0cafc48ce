/**
 * Where the platform process keeps its running telemetry (registered by telemetry-runtime.ts in server.ts), read by
 * request contexts inside the Next.js bundles. Kept apart from telemetry-runtime.ts on purpose: this module imports
 * types only, so the bundles never pull in chDB, the broker or the child-process supervisor.
 */
import type { TEmbeddedIngest } from '@ingot/ingest';
import type { TelemetryStore } from '@ingot/telemetry';

export interface TTelemetryRuntime {
  store: TelemetryStore;
  /** The embedded broker and ingest; null with INGOT_TELEMETRY=store. */
  ingest: TEmbeddedIngest | null;
  /** `mqtt://127.0.0.1:<port>` of the embedded broker, or null. */
  brokerUrl: string | null;
  /** The demo connector's MQTT username when the simulator and agent run. */
  demoConnector: string | null;
  stop(): Promise<void>;
}

const KEY = Symbol.for('ingot.telemetry.runtime');
type TGlobal = typeof globalThis & { [KEY]?: TTelemetryRuntime | null };

/** The platform process's telemetry (store for the portal's pages); null when switched off or not started. */
export function getTelemetryRuntime(): TTelemetryRuntime | null {
  return (globalThis as TGlobal)[KEY] ?? null;
}

/** Registers (or, with null, forgets) the process's telemetry. */
export function setTelemetryRuntime(runtime: TTelemetryRuntime | null): void {
  (globalThis as TGlobal)[KEY] = runtime;
}
