import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PlantTreeView } from '../../../../features/tree/plant-tree-view.tsx';
import { serverCaller } from '../../../../server/server-caller.ts';

export const metadata: Metadata = { title: 'Equipment · 设备层级' };

/**
 * One plant's equipment hierarchy. The plant is looked up on the server first: a plant of another tenant, outside
 * the member's plant scope, or a malformed id all answer the same 404 page.
 */
export default async function PlantPage({ params }: { params: Promise<{ plantId: string }> }) {
  const { plantId } = await params;
  try {
    await (await serverCaller()).plant.get({ id: plantId });
  } catch (e) {
    if (
      e instanceof TRPCError &&
      (e.code === 'NOT_FOUND' || e.code === 'BAD_REQUEST' || e.code === 'FORBIDDEN')
    ) {
      notFound();
    }
    throw e;
  }
  return <PlantTreeView plantId={plantId} />;
}
