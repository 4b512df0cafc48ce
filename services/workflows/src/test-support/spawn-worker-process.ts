import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { WorkerProcessConfig, WorkerProcessEvent } from './worker-process.ts';

const WORKER_PROCESS = fileURLToPath(new URL('./worker-process.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface WorkerProcess {
  readonly pid: number;
  /** Resolves with the first event (past or future) that matches; rejects if the process exits first. */
  waitFor(match: (event: WorkerProcessEvent) => boolean, timeoutMs?: number): Promise<WorkerProcessEvent>;
  /** SIGKILL: no shutdown, no drain, the activity in flight is simply gone. Resolves once the process is reaped. */
  kill(): Promise<NodeJS.Signals | null>;
  /** Ends the process (SIGKILL) if it still runs; for afterEach. */
  dispose(): Promise<void>;
}

/**
 * Runs src/test-support/worker-process.ts as `node --import tsx` (the node process itself, so a SIGKILL reaches
 * the worker and not a tsx wrapper).
 */
export function spawnWorkerProcess(config: WorkerProcessConfig): WorkerProcess {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', WORKER_PROCESS, JSON.stringify(config)],
    {
      cwd: PACKAGE_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn the worker process');

  const events: WorkerProcessEvent[] = [];
  const listeners = new Set<() => void>();
  let stderr = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      for (const notify of listeners) notify();
      resolve(signal);
    });
  });

  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    if (!line.startsWith('{"event"')) return; // the SDK's own log lines
    events.push(JSON.parse(line) as WorkerProcessEvent);
    for (const notify of listeners) notify();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  return {
    pid,
    waitFor(match, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found) return done(() => resolve(found));
          if (exit) {
            return done(() =>
              reject(
                new Error(`worker process exited (${exit?.code ?? exit?.signal}) first; stderr:\n${stderr}`),
              ),
            );
          }
        };
        const timer = setTimeout(
          () =>
            done(() =>
              reject(new Error(`worker process: no matching event in ${timeoutMs} ms; stderr:\n${stderr}`)),
            ),
          timeoutMs,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    async kill() {
      if (!exit) child.kill('SIGKILL');
      return exited;
    },
    async dispose() {
      if (!exit) child.kill('SIGKILL');
      await exited;
    },
  };
}
