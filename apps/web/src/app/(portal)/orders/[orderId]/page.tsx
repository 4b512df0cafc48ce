import type { Metadata } from 'next';
import { OrderDetailView } from '../../../../features/orders/order-detail-view.tsx';

export const metadata: Metadata = { title: 'Order · 订单' };

/** One order; another tenant's order, or one a partner may not see, shows the API's not-found message. */
export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  return <OrderDetailView orderId={orderId} />;
}
