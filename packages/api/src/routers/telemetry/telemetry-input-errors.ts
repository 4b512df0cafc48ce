import { TelemetryInputError } from '@ingot/telemetry';
import { TRPCError } from '@trpc/server';

/** Runs a store query; a TelemetryInputError (bad range, width, ...) becomes BAD_REQUEST naming its field. */
export async function withTelemetryInputErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof TelemetryInputError)
      throw new TRPCError({ code: 'BAD_REQUEST', message: e.message, cause: e });
    throw e;
  }
}
