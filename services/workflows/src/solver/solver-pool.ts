import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { scheduling, TPlanningProblem, TPlanSolution } from '@ingot/domain';
import type { TSolverRequest, TSolverResponse } from './solver-messages.ts';

export interface TSolveJob {
  problem: TPlanningProblem;
  timeLimitMs: number;
  seed: number;
  onProgress?: (progress: scheduling.SolveProgress) => void;
  /** Aborting asks the solver to stop; the job then resolves with the best plan found so far. */
  signal?: AbortSignal;
}

/** Runs solves off the main thread, so the Temporal worker keeps heartbeating and polling while the CPU works. */
export interface TSolverRunner {
  solve(job: TSolveJob): Promise<TPlanSolution>;
  close(): Promise<void>;
}

const THREAD_ENTRY = new URL('./solver-thread.ts', import.meta.url).href;

/**
 * The thread runs TypeScript: it loads solver-thread.ts through tsx's API (the worker process itself runs under
 * tsx; a worker thread does not inherit `--import` loaders on Node 20, so it registers its own).
 */
function bootstrapSource(): string {
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  return `const { tsImport } = await import(${JSON.stringify(tsxApi)});\nawait tsImport(${JSON.stringify(THREAD_ENTRY)}, ${JSON.stringify(THREAD_ENTRY)});\n`;
}

/**
 * One long-lived solver thread (started on first use, ~1 s to load), one solve at a time (queued). A thread that
 * crashes is replaced on the next solve. The thread is unref'd: it never keeps the process alive.
 */
export function createSolverPool(): TSolverRunner {
  let worker: Worker | null = null;
  let ready: Promise<Worker> | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();
  const listeners = new Map<number, (m: TSolverResponse) => void>();

  const start = (): Promise<Worker> => {
    if (ready) return ready;
    ready = new Promise<Worker>((resolve, reject) => {
      const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrapSource())}`));
      w.unref();
      w.on('message', (m: TSolverResponse) => {
        if (m.kind === 'ready') {
          worker = w;
          resolve(w);
          return;
        }
        listeners.get(m.id)?.(m);
      });
      const fail = (err: Error) => {
        for (const notify of listeners.values()) notify({ id: -1, kind: 'error', message: err.message });
        listeners.clear();
        worker = null;
        ready = null;
        reject(err);
      };
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(`solver thread exited (${code})`)));
    });
    return ready;
  };

  const run = async (job: TSolveJob): Promise<TPlanSolution> => {
    const w = await start();
    const id = nextId++;
    const stopFlag = new SharedArrayBuffer(4);
    const flag = new Int32Array(stopFlag);
    const stop = () => Atomics.store(flag, 0, 1);
    if (job.signal?.aborted) stop();
    job.signal?.addEventListener('abort', stop, { once: true });
    try {
      return await new Promise<TPlanSolution>((resolve, reject) => {
        listeners.set(id, (m) => {
          if (m.kind === 'progress') job.onProgress?.(m.progress);
          else if (m.kind === 'done') resolve(m.solution);
          else if (m.kind === 'error') reject(new Error(m.message));
        });
        const request: TSolverRequest = {
          id,
          problem: job.problem,
          timeLimitMs: job.timeLimitMs,
          seed: job.seed,
          stopFlag,
        };
        w.postMessage(request);
      });
    } finally {
      listeners.delete(id);
      job.signal?.removeEventListener('abort', stop);
    }
  };

  return {
    solve(job) {
      const result = queue.then(() => run(job));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      const w = worker;
      worker = null;
      ready = null;
      if (w) await w.terminate();
    },
  };
}
