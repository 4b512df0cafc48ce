import type { TIdentity, TIdentityDirectory } from '@ingot/auth';
import type {
  TLabWorkflowGateway,
  TPlanWorkflowGateway,
  TProvisionTenantInput,
  TProvisionTenantStatus,
  TWorkflowStart,
} from '@ingot/contracts';
import type { Db } from '@ingot/db';
import type { TelemetryStore } from '@ingot/telemetry';

/** Starts the provisionTenant workflow (services/workflows exports it from `@ingot/workflows/client`). */
export type TStartProvisionTenant = (input: TProvisionTenantInput) => Promise<TWorkflowStart>;

export type TGetProvisionTenantStatus = (slug: string) => Promise<TProvisionTenantStatus>;

export interface TCreateContextInnerOptions {
  db: Db;
  /** The already-verified identity of the caller (the HTTP layer verifies the session token), or null. */
  identity: TIdentity | null;
  /**
   * The tenant the user picked in the tenant switcher (cookie `ingot_tenant`), or null. Only a wish: the tenant
   * procedure takes it only after finding the user's membership of it in the database.
   */
  activeTenantId: string | null;
  requestId: string;
  sourceIp: string | null;
  /** Workflow client functions; absent when no Temporal server is configured (provisioning then answers so). */
  startProvisionTenant?: TStartProvisionTenant | null;
  getProvisionTenantStatus?: TGetProvisionTenantStatus | null;
  /** The planning and order workflows (planProduction, orderLifecycle); absent without a Temporal server. */
  planWorkflows?: TPlanWorkflowGateway | null;
  /**
   * Where sign-in accounts live (Keycloak): member procedures create or link the person's account, add realm roles
   * and the tenant group. Absent with the embedded issuer (its accounts are the demo users).
   */
  identityDirectory?: TIdentityDirectory | null;
  /** The telemetry store (ClickHouse or embedded chDB) for live values and trends; absent when telemetry is off. */
  telemetry?: TelemetryStore | null;
  /** The labInspection workflows; absent without a Temporal server. */
  labWorkflows?: TLabWorkflowGateway | null;
}

/** The context every procedure starts from: plain arguments, so tests build it without HTTP. */
export function createContextInner(opts: TCreateContextInnerOptions) {
  return {
    db: opts.db,
    identity: opts.identity,
    activeTenantId: opts.activeTenantId,
    requestId: opts.requestId,
    sourceIp: opts.sourceIp,
    startProvisionTenant: opts.startProvisionTenant ?? null,
    getProvisionTenantStatus: opts.getProvisionTenantStatus ?? null,
    planWorkflows: opts.planWorkflows ?? null,
    identityDirectory: opts.identityDirectory ?? null,
    telemetry: opts.telemetry ?? null,
    labWorkflows: opts.labWorkflows ?? null,
  };
}

export type TContext = ReturnType<typeof createContextInner>;
