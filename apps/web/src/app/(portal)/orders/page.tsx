import type { Metadata } from 'next';
import { OrdersView } from '../../../features/orders/orders-view.tsx';

export const metadata: Metadata = { title: 'Orders · 销售订单' };

export default function OrdersPage() {
  return <OrdersView />;
}
