import type { Metadata } from 'next';
import { CustomersView } from '../../../../features/master-data/customers-view.tsx';

export const metadata: Metadata = { title: 'Customers · 客户' };

export default function Page() {
  return <CustomersView />;
}
