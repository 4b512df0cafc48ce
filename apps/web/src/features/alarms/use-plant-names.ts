'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc/react.tsx';

/** The member's plants, and a "code · name" label by id. */
export function usePlantNames() {
  const trpc = useTRPC();
  const plants = useQuery(trpc.plant.list.queryOptions());
  const label = (id: string) => {
    const p = plants.data?.find((x) => x.id === id);
    return p ? `${p.code} · ${p.name}` : '—';
  };
  return { plants: plants.data ?? [], label };
}
