import { z } from 'zod';
import type { TWorkflowStart } from './workflows.ts';

/** The labInspection workflow's type name (registered on the platform task queue). */
export const LAB_INSPECTION_WORKFLOW = 'labInspection';

/** One workflow per inspection request: `{tenantId}:lab:{requestNo}`. */
export function labInspectionWorkflowId(tenantId: string, requestNo: string): string {
  return `${tenantId}:lab:${requestNo}`;
}

/** The steps people complete in the lab, in order; each is a signal to the request's workflow. */
export const LAB_STEPS = ['sampled', 'received', 'results_entered', 'decided'] as const;
export const ZLabStep = z.enum(LAB_STEPS);
export type TLabStep = z.infer<typeof ZLabStep>;

export const LAB_SIGNALS = { step: 'labStep' } as const;
export const LAB_QUERIES = { state: 'labState' } as const;

/** How long each step may take before a reminder (then an escalation at twice that), in milliseconds. */
export const ZLabDeadlines = z.object({
  sampled: z
    .number()
    .int()
    .positive()
    .default(4 * 3_600_000),
  received: z
    .number()
    .int()
    .positive()
    .default(8 * 3_600_000),
  results_entered: z
    .number()
    .int()
    .positive()
    .default(24 * 3_600_000),
  decided: z
    .number()
    .int()
    .positive()
    .default(8 * 3_600_000),
});
export type TLabDeadlines = z.infer<typeof ZLabDeadlines>;

export const ZLabInspectionInput = z.object({
  tenantId: z.uuid(),
  requestId: z.uuid(),
  requestNo: z.string().min(1).max(60),
  deadlines: ZLabDeadlines.default(ZLabDeadlines.parse({})),
});
export type TLabInspectionInput = z.input<typeof ZLabInspectionInput>;

export const ZLabStepSignal = z.object({ step: ZLabStep, actorUserId: z.string().nullable().default(null) });
export type TLabStepSignal = z.input<typeof ZLabStepSignal>;

/** What the workflow's `labState` query answers. */
export interface TLabInspectionState {
  requestId: string;
  requestNo: string;
  /** The last step reached (null: only requested). */
  step: TLabStep | null;
  /** The step the workflow waits for, null once decided. */
  waitingFor: TLabStep | null;
  /** Reminders and escalations sent: `<step>:reminder` / `<step>:escalation`. */
  escalations: string[];
  /** Set after the decision was applied to the lot. */
  lotStatus: string | null;
}

/**
 * What the API needs of the labInspection workflow (issue 6; services/workflows implements it, the portal puts it on
 * the tRPC context as `labWorkflows`). One workflow per inspection request, id `{tenant}:lab:{requestNo}`.
 */
export interface TLabWorkflowGateway {
  /** Starts the request's workflow (idempotent: an already running one is left as it is). */
  startInspection(input: { tenantId: string; requestId: string; requestNo: string }): Promise<TWorkflowStart>;
  /**
   * Tells the request's workflow that a person finished a step (signal-with-start: a request whose workflow was
   * never started, e.g. raised while the workflow server was down, gets one now).
   */
  signalInspection(input: {
    tenantId: string;
    requestId: string;
    requestNo: string;
    step: TLabStep;
    actorUserId?: string | null;
  }): Promise<void>;
}
