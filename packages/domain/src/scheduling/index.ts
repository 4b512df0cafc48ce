/**
 * Finite-capacity scheduling (APS) for rolling and extrusion plants: model, solver, dispatch-rule
 * baselines, independent feasibility checker, lateness explanations, FJSP reader and the seeded
 * rolling-plant generator. Pure functions, no I/O.
 */
export {
  type CheckResult,
  checkSchedule,
  type ScheduleMetrics,
  type Violation,
  type ViolationKind,
} from './check-schedule.ts';
export type { ObjectiveValue } from './decode-schedule.ts';
export type { DispatchRule, DispatchRuleName } from './dispatch-rules.ts';
export { type DelayCause, explainLateness, type LatenessExplanation } from './explain-lateness.ts';
export * from './model.ts';
export { FjspFormatError, type FjspReadResult, type ReadFjspOptions, readFjsp } from './read-fjsp.ts';
export { generateRollingPlant, type RollingPlantOptions } from './rolling-plant-generator.ts';
export {
  type SolveOptions,
  type SolveProgress,
  type SolveResult,
  scheduleByRule,
  solveSchedule,
} from './solve-schedule.ts';
