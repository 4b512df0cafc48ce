import type { Metadata } from 'next';
import { ShopFloorView } from '../../../features/shop-floor/shop-floor-view.tsx';

export const metadata: Metadata = { title: 'Shop floor · 机台作业' };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** The operator work queue; `?plant=&equipment=` picks the machine (a terminal at the machine bookmarks it). */
export default async function ShopFloorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  return <ShopFloorView plantId={one(sp.plant)} equipmentId={one(sp.equipment)} />;
}
