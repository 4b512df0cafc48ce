import type { Metadata } from 'next';
import { NewOrderView } from '../../../../features/orders/new-order-view.tsx';

export const metadata: Metadata = { title: 'New order · 新建订单' };

export default function NewOrderPage() {
  return <NewOrderView />;
}
