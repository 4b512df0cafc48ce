/**
 * Entry of the solver thread (a worker_threads Worker started by solver-pool.ts). It runs one solve at a time,
 * polls the shared stop flag between iterations (Atomics.load: the main thread can set it while this thread is
 * busy) and reports progress and the result by message.
 */
import { parentPort } from 'node:worker_threads';
import { solvePlanningProblem, type TPlanningProblem } from '@ingot/domain';
import type { TSolverRequest, TSolverResponse } from './solver-messages.ts';

const port = parentPort;
if (!port) throw new Error('solver-thread.ts must run in a worker thread');

port.on('message', (msg: TSolverRequest) => {
  const flag = new Int32Array(msg.stopFlag);
  const post = (m: TSolverResponse) => port.postMessage(m);
  try {
    const solution = solvePlanningProblem(msg.problem as TPlanningProblem, {
      timeLimitMs: msg.timeLimitMs,
      seed: msg.seed,
      shouldStop: () => Atomics.load(flag, 0) !== 0,
      onProgress: (p) => post({ id: msg.id, kind: 'progress', progress: p }),
    });
    post({ id: msg.id, kind: 'done', solution });
  } catch (err) {
    post({ id: msg.id, kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
port.postMessage({ id: 0, kind: 'ready' } satisfies TSolverResponse);
