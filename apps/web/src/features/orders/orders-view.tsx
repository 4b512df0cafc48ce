'use client';

import { ORDER_STATUSES, type TOrderStatus } from '@ingot/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { useAccess } from '../use-access.ts';
import { formatDate, formatNumber } from './format.ts';
import { StatusChip } from './status-chips.tsx';
import './production.css';

interface TFilters {
  search: string;
  customerId: string;
  plantId: string;
  from: string;
  to: string;
}
const NO_FILTERS: TFilters = { search: '', customerId: '', plantId: '', from: '', to: '' };

/** Sales orders with status chips to filter by, a search, customer/plant/date filters, and paging. */
export function OrdersView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const access = useAccess();
  const apiError = useApiError();
  const [statuses, setStatuses] = useState<TOrderStatus[]>([]);
  const [filters, setFilters] = useState<TFilters>(NO_FILTERS);
  const plants = useQuery(trpc.plant.list.queryOptions());
  const customers = useQuery(trpc.masterData.customer.list.queryOptions({ includeInactive: true }));

  const input = {
    limit: 50,
    ...(statuses.length ? { status: statuses } : {}),
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.customerId ? { customerId: filters.customerId } : {}),
    ...(filters.plantId ? { plantId: filters.plantId } : {}),
    ...(filters.from ? { from: new Date(`${filters.from}T00:00:00`) } : {}),
    ...(filters.to ? { to: new Date(`${filters.to}T23:59:59`) } : {}),
  };
  const orders = useInfiniteQuery(
    trpc.order.list.infiniteQueryOptions(input, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const total = orders.data?.pages[0]?.total ?? 0;

  const toggle = (s: TOrderStatus) =>
    setStatuses((list) => (list.includes(s) ? list.filter((x) => x !== s) : [...list, s]));

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    setFilters({
      search: s('search'),
      customerId: s('customerId'),
      plantId: s('plantId'),
      from: s('from'),
      to: s('to'),
    });
  };
  const listError = orders.error ? apiError(orders.error) : null;

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('orders.title')}</h1>
          <p>{t('orders.subtitle')}</p>
        </div>
        {access.can('order.create') ? (
          <Link href="/orders/new" className="btn btn-primary" data-testid="new-order">
            + {t('orders.new')}
          </Link>
        ) : null}
      </div>

      <fieldset className="chip-filter" aria-label={t('orders.statusFilter')} data-testid="status-filter">
        <legend className="visually-hidden">{t('orders.statusFilter')}</legend>
        {ORDER_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={statuses.includes(s)}
            onClick={() => toggle(s)}
            data-testid={`status-filter-${s}`}
          >
            {t(`orderStatus.${s}`)}
          </button>
        ))}
      </fieldset>

      <form className="filters" onSubmit={apply} key={JSON.stringify(filters)} style={{ marginTop: 12 }}>
        <Field
          label={t('orders.searchLabel')}
          hint={t('orders.searchHint')}
          error={listError?.fieldErrors.search}
        >
          <input name="search" type="search" defaultValue={filters.search} data-testid="order-search" />
        </Field>
        <Field label={t('orders.customer')}>
          <select name="customerId" defaultValue={filters.customerId}>
            <option value="">{t('orders.allCustomers')}</option>
            {customers.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} · {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('prod.plant')}>
          <select name="plantId" defaultValue={filters.plantId}>
            <option value="">{t('prod.allPlants')}</option>
            {plants.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('orders.requestedFrom')}>
          <input name="from" type="date" defaultValue={filters.from} />
        </Field>
        <Field label={t('orders.requestedTo')} error={listError?.fieldErrors.to}>
          <input name="to" type="date" defaultValue={filters.to} />
        </Field>
        <div className="filters__buttons">
          <button type="submit" className="btn btn-primary" data-testid="order-search-submit">
            {t('prod.search')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setFilters(NO_FILTERS);
              setStatuses([]);
            }}
          >
            {t('prod.reset')}
          </button>
        </div>
      </form>

      {orders.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {listError?.formError ? <p className="notice notice--error">{listError.formError}</p> : null}
      {orders.data && rows.length === 0 ? <p className="notice">{t('orders.empty')}</p> : null}

      {rows.length > 0 ? (
        <>
          <p className="muted" aria-live="polite">
            {t('orders.count', { total, shown: rows.length })}
          </p>
          <div className="table-wrap card">
            <table className="data" data-testid="order-table">
              <thead>
                <tr>
                  <th scope="col">{t('orders.orderNo')}</th>
                  <th scope="col">{t('orders.customer')}</th>
                  <th scope="col">{t('orders.customerPo')}</th>
                  <th scope="col">{t('prod.plant')}</th>
                  <th scope="col">{t('prod.status')}</th>
                  <th scope="col" className="num">
                    {t('orders.lines')}
                  </th>
                  <th scope="col" className="num">
                    {t('orders.totalT')}
                  </th>
                  <th scope="col">{t('orders.requestedDate')}</th>
                  <th scope="col">{t('orders.promisedDate')}</th>
                  <th scope="col" className="num">
                    {t('orders.priority')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => {
                  const tz = plants.data?.find((p) => p.id === o.plant.id)?.timezone;
                  return (
                    <tr key={o.id} data-testid={`order-row-${o.orderNo}`}>
                      <td>
                        <Link href={`/orders/${o.id}`} className="mono" data-testid="order-link">
                          {o.orderNo}
                        </Link>
                      </td>
                      <td>{o.customer ? o.customer.name : t('orders.hiddenCustomer')}</td>
                      <td>{o.customerPo || '—'}</td>
                      <td>{o.plant.code}</td>
                      <td>
                        <StatusChip kind="orderStatus" status={o.status} testId="order-status" />
                      </td>
                      <td className="num">{o.lineCount}</td>
                      <td className="num">{formatNumber(o.totalT, locale)}</td>
                      <td>{formatDate(o.requestedDate, locale, tz)}</td>
                      <td>{formatDate(o.promisedDate, locale, tz)}</td>
                      <td className="num">
                        {o.priority > 1 ? (
                          <span className="badge badge--warn">{o.priority}</span>
                        ) : (
                          o.priority
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {orders.hasNextPage ? (
        <p>
          <button
            type="button"
            className="btn"
            onClick={() => void orders.fetchNextPage()}
            disabled={orders.isFetchingNextPage}
          >
            {orders.isFetchingNextPage ? t('common.loading') : t('prod.more')}
          </button>
        </p>
      ) : null}
    </>
  );
}
