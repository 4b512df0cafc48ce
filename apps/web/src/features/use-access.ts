'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc/react.tsx';

/** What the signed-in member may do in the active tenant (the API enforces it; the portal only hides buttons). */
export function useAccess() {
  const trpc = useTRPC();
  const tenant = useQuery(trpc.tenant.get.queryOptions());
  const roles = tenant.data?.access.roles ?? [];
  return {
    tenant: tenant.data ?? null,
    loading: tenant.isLoading,
    isTenantAdmin: roles.includes('tenant_admin'),
    canEditHierarchy: roles.includes('tenant_admin') || roles.includes('plant_manager'),
    allPlants: (tenant.data?.access.plantIds.length ?? 0) === 0,
  };
}
