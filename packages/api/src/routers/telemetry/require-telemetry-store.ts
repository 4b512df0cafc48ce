import type { TelemetryStore } from '@ingot/telemetry';
import { TRPCError } from '@trpc/server';

/** The telemetry store of the context, or PRECONDITION_FAILED when telemetry does not run in this deployment. */
export function requireTelemetryStore(store: TelemetryStore | null): TelemetryStore {
  if (!store)
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'telemetry is not running on this platform (no telemetry store is configured)',
    });
  return store;
}
