import type { Metadata } from 'next';
import { PlanningView } from '../../../features/planning/planning-view.tsx';

export const metadata: Metadata = { title: 'Planning · 计划排程' };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** The planning board; `?plant=&version=&order=` choose the plant, the version in view and an order to highlight. */
export default async function PlanningPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  return <PlanningView plantId={one(sp.plant)} versionId={one(sp.version)} orderId={one(sp.order)} />;
}
