'use client';

import Link from 'next/link';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useAccess } from '../use-access.ts';
import { OrderForm } from './order-form.tsx';

/** The page around the order form (it says so when the member may not create orders). */
export function NewOrderView() {
  const { t } = useI18n();
  const access = useAccess();
  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <ol>
          <li>
            <Link href="/orders">{t('orders.title')}</Link>
          </li>
          <li aria-current="page">{t('orders.new')}</li>
        </ol>
      </nav>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('orders.formTitle')}</h1>
        </div>
      </div>
      {!access.loading && !access.can('order.create') ? (
        <p className="notice">{t('orders.readOnly')}</p>
      ) : (
        <OrderForm />
      )}
    </>
  );
}
