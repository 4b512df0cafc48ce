import type { scheduling, TPlanningProblem, TPlanSolution } from '@ingot/domain';

/** Main thread -> solver thread. `stopFlag` is a SharedArrayBuffer of one Int32: non-zero asks the solver to stop. */
export interface TSolverRequest {
  id: number;
  problem: TPlanningProblem;
  timeLimitMs: number;
  seed: number;
  stopFlag: SharedArrayBuffer;
}

export type TSolverResponse =
  | { id: number; kind: 'ready' }
  | { id: number; kind: 'progress'; progress: scheduling.SolveProgress }
  | { id: number; kind: 'done'; solution: TPlanSolution }
  | { id: number; kind: 'error'; message: string };
