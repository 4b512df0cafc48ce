import type { ReactNode } from 'react';
import { QualityNav } from '../../../features/quality/quality-nav.tsx';

/** Every quality page (lab, plans, nonconformances, SPC, traceability, KPIs) under one sub-navigation. */
export default function QualityLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <QualityNav />
      {children}
    </>
  );
}
