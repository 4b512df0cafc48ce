import { DefaultLogger, Runtime } from '@temporalio/worker';

/**
 * The SDK logs every worker state change at INFO; tests keep warnings and errors only. Call before the first
 * connection or worker of the process (the runtime is installed once).
 */
export function installQuietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier call in this process: keep it.
  }
}
