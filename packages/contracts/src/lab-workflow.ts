import type { TWorkflowStart } from './workflows.ts';

/**
 * What the API needs of the labInspection workflow (issue 6; services/workflows implements it, the portal puts it on
 * the tRPC context as `labWorkflows`). One workflow per inspection request, id `{tenant}:lab:{requestNo}`.
 */
export interface TLabWorkflowGateway {
  /** Starts the request's workflow (idempotent: an already running one is left as it is). */
  startInspection(input: { tenantId: string; requestId: string; requestNo: string }): Promise<TWorkflowStart>;
  /** Tells the request's workflow that a person finished a step (sample received, results entered, decision...). */
  signalInspection(input: {
    tenantId: string;
    requestId: string;
    requestNo: string;
    step: string;
  }): Promise<void>;
}
