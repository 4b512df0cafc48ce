import type { ReactNode } from 'react';
import { AlarmsNav } from '../../../features/alarms/alarms-nav.tsx';

/** Every alarm page (active, shelved, history, rules, one alarm) under one sub-navigation. */
export default function AlarmsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AlarmsNav />
      {children}
    </>
  );
}
