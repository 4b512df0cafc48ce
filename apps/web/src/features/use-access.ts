'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc/react.tsx';

/** What the signed-in member may do in the active tenant (the API enforces it; the portal only hides buttons). */
export function useAccess() {
  const trpc = useTRPC();
  const tenant = useQuery(trpc.tenant.get.queryOptions());
  // The actions the API's permission table grants the member's roles (tenant.get), never a second table here.
  const actions: readonly string[] = tenant.data?.access.actions ?? [];
  return {
    tenant: tenant.data ?? null,
    loading: tenant.isLoading,
    can: (action: string) => actions.includes(action),
    isTenantAdmin: actions.includes('member.read'),
    canEditHierarchy: actions.includes('plant.create'),
    canReadAudit: actions.includes('audit.read'),
    allPlants: (tenant.data?.access.plantIds.length ?? 0) === 0,
  };
}
