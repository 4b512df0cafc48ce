/**
 * The finite-capacity scheduling model (flexible job shop with plant extensions). Plain data, no zod:
 * the API layer validates its own input and maps it to these types; `compileInstance` checks the
 * structural rules below and throws `SchedulingInputError` naming the offending id.
 *
 * Time is an integer number of abstract units (the plant instances use minutes) from the plan origin
 * (t = 0). Every interval is half-open: [start, end).
 */

/** A half-open time interval [start, end). */
export interface TimeWindow {
  start: number;
  end: number;
}

/**
 * Sequence-dependent setup times of one machine, by "setup family" (for a mill, e.g. alloy series plus
 * width/gauge class; for a furnace, the recipe). `times[from][to]` is the setup needed when an operation
 * of family `to` follows one of family `from`. A missing pair costs `default` (0 when absent) unless the
 * families are equal, which costs 0 unless listed explicitly.
 */
export interface SetupMatrix {
  times: Readonly<Record<string, Readonly<Record<string, number>>>>;
  default?: number;
}

export interface Machine {
  id: string;
  name?: string;
  /**
   * Calendar: periods when the machine cannot work (between shifts, weekends, planned maintenance).
   * Outside them it is available, including after the last one. Neither an operation nor its setup
   * may overlap a downtime (operations are not pre-emptive).
   */
  downtimes?: readonly TimeWindow[];
  setup?: SetupMatrix;
  /** Family of whatever is on the machine at t = 0 (the setup of the first operation starts from it). */
  initialFamily?: string;
  /**
   * A batch machine (e.g. an annealing furnace): operations with the same `batch.recipe` may share a
   * run if their summed `batch.load` fits `capacity`. All members start together and the run lasts as
   * long as its longest member's processing time. Setups apply between consecutive runs; on a batch
   * machine the setup matrix (and `initialFamily`) is keyed by recipe, not by family.
   */
  batch?: { capacity: number };
}

export interface OperationOption {
  machineId: string;
  /** Processing time on this machine (> 0). */
  duration: number;
}

export interface Operation {
  id: string;
  /** Eligible machines (alternative equipment) with their processing times. */
  options: readonly OperationOption[];
  /** Setup family used by the machines' setup matrices. */
  family?: string;
  /** Needed when an option is a batch machine: recipe (compatibility key) and load (e.g. tonnes). */
  batch?: { recipe: string; load: number };
  /**
   * A planner's lock: `machineId` restricts the operation to that machine; `start` fixes its start too
   * (then `machineId` is required). A fixed operation keeps exactly that machine and start.
   */
  lock?: { machineId?: string; start?: number };
}

export interface Job {
  id: string;
  /** Operations in route order: each starts after its predecessor ends. */
  operations: readonly Operation[];
  /** Earliest start of the first operation (material available). Default 0. */
  releaseDate?: number;
  /** Due date of the last operation's end. Without one the job is never tardy. */
  dueDate?: number;
  /** Tardiness weight (customer priority). Default 1. */
  weight?: number;
}

/** Weights of the objective terms (all >= 0). */
export interface ObjectiveWeights {
  /** Σ weight_j · max(0, C_j − due_j). */
  weightedTardiness: number;
  /** max C_j. */
  makespan: number;
  /** Σ setup time over all machines. */
  setupTime: number;
}

/** One operation in a schedule (a plan), by ids. */
export interface ScheduledOperation {
  jobId: string;
  operationId: string;
  machineId: string;
  start: number;
  end: number;
  /** Setup performed immediately before `start` on the machine: [start − setupTime, start). */
  setupTime: number;
  /** Batch machines: operations with the same batch id ran together. */
  batchId?: string;
}

export interface Schedule {
  operations: ScheduledOperation[];
}

/**
 * The plan being replaced when rescheduling. Every operation of `plan` that starts before `frozenUntil`
 * is frozen: it keeps its machine and start (and, on a batch machine, its run).
 */
export interface FrozenHorizon {
  frozenUntil: number;
  plan: Schedule;
}

export interface SchedulingInstance {
  name?: string;
  machines: readonly Machine[];
  jobs: readonly Job[];
  /**
   * Weights of the objective; keys left out are 0. Without it: weighted tardiness 1 when any job has a
   * due date, otherwise makespan 1.
   */
  objective?: Partial<ObjectiveWeights>;
  frozen?: FrozenHorizon;
}

export class SchedulingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchedulingInputError';
  }
}
