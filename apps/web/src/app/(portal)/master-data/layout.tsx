import type { ReactNode } from 'react';
import { MasterDataTabs } from '../../../features/master-data/master-data-tabs.tsx';

export default function MasterDataLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <MasterDataTabs />
      {children}
    </>
  );
}
