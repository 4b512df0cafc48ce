import { randomUUID } from 'node:crypto';
import { type Db, tenantIdForSlug } from '@ingot/db';
import { DEMO_PLATFORM_ADMIN, DEMO_TENANTS } from '@ingot/domain';
import { createContextInner, type TCreateContextInnerOptions } from '../context.ts';
import { appRouter } from '../root.ts';
import { createCallerFactory } from '../trpc.ts';

export const createCaller = createCallerFactory(appRouter);
export type TCaller = ReturnType<typeof createCaller>;

/** The name the identity server would send for a demo user (the seed's display name), else the local part. */
function nameOf(email: string): string {
  if (email === DEMO_PLATFORM_ADMIN.email) return DEMO_PLATFORM_ADMIN.displayName;
  const member = DEMO_TENANTS.flatMap((t) => t.members).find((m) => m.email === email);
  return member?.displayName ?? email.split('@')[0] ?? email;
}

/** A caller signed in as `email` (the embedded issuer's subject is the e-mail), acting in the tenant of `slug`. */
export function callerFor(
  db: Db,
  email: string,
  slug: string | null,
  extra: Partial<
    Pick<
      TCreateContextInnerOptions,
      | 'startProvisionTenant'
      | 'getProvisionTenantStatus'
      | 'requestId'
      | 'sourceIp'
      | 'planWorkflows'
      | 'labWorkflows'
      | 'telemetry'
      | 'identityDirectory'
    >
  > = {},
): TCaller {
  return createCaller(
    createContextInner({
      db,
      identity: { subject: email, email, name: nameOf(email) },
      activeTenantId: slug ? tenantIdForSlug(slug) : null,
      requestId: randomUUID(),
      sourceIp: '192.0.2.10',
      ...extra,
    }),
  );
}

/** Resolves `caller.a.b.c` for a dotted procedure path. */
export function procedureAt(caller: TCaller, path: string): (input?: unknown) => Promise<unknown> {
  let node: unknown = caller;
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'function') throw new Error(`no procedure at ${path}`);
  return node as (input?: unknown) => Promise<unknown>;
}

export const EAST = 'east-china-al';
export const JIANGNAN = 'jiangnan-copper';
export const EAST_ADMIN = 'admin@east-china-al.demo';
export const EAST_PLANNER = 'planner@east-china-al.demo';
export const JIANGNAN_ADMIN = 'admin@jiangnan-copper.demo';
export const PLATFORM_ADMIN = 'platform@ingot.demo';
