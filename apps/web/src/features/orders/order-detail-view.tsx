'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { TMessageKey } from '../../i18n/messages.ts';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { useAccess } from '../use-access.ts';
import { formatDate, formatDateTime, formatNumber } from './format.ts';
import { CancelDialog, ShipDialog } from './order-dialogs.tsx';
import { specLabel } from './spec-label.ts';
import { OrderStatusStepper, StatusChip } from './status-chips.tsx';
import './production.css';
import type { TOrderEvent } from './types.ts';

const CANCELLABLE = new Set(['entered', 'confirmed', 'planned']);
// Only a ready order ships (partially or fully); the server says so too.
const SHIPPABLE = new Set(['ready']);

function eventText(
  e: TOrderEvent,
  t: (k: TMessageKey, v?: Record<string, string | number>) => string,
): string {
  const key = `orders.event.${e.kind}`;
  const title = key in KNOWN_EVENTS ? t(key as TMessageKey) : e.kind;
  if (e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus)
    return `${title}: ${t(`orderStatus.${e.fromStatus}`)} → ${t(`orderStatus.${e.toStatus}`)}`;
  if (e.toStatus) return `${title}: ${t(`orderStatus.${e.toStatus}`)}`;
  return title;
}
const KNOWN_EVENTS: Record<string, true> = Object.fromEntries(
  [
    'created',
    'updated',
    'confirmed',
    'status',
    'planned',
    'shipped',
    'cancelled',
    'shared',
    'unshared',
    'rush',
    'production',
  ].map((k) => [`orders.event.${k}`, true]),
);

/** The details of an event worth a line: promised date, work orders, shipment, reason. */
function eventDetail(e: TOrderEvent, locale: 'zh-CN' | 'en', tz: string | undefined): string {
  const d = (e.details ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.promisedDate === 'string') parts.push(`→ ${formatDate(d.promisedDate, locale, tz)}`);
  if (Array.isArray(d.workOrders)) parts.push(d.workOrders.join(', '));
  if (typeof d.shipmentNo === 'string') parts.push(d.shipmentNo);
  if (typeof d.reason === 'string' && d.reason && d.reason !== e.kind) parts.push(d.reason);
  return parts.join(' · ');
}

/** One order: status path, lines, work orders with their operations, shipments, the timeline; confirm, ship, cancel. */
export function OrderDetailView({ orderId }: { orderId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = useAccess();
  const apiError = useApiError();
  const order = useQuery(trpc.order.get.queryOptions({ id: orderId }));
  const plants = useQuery(trpc.plant.list.queryOptions());
  // Dates on the making plant's wall clock.
  const tz = plants.data?.find((p) => p.id === order.data?.plant.id)?.timezone;
  const workOrders = useQuery({
    ...trpc.workOrder.list.queryOptions({ orderId, limit: 100 }),
    enabled: access.can('workOrder.read'),
  });
  const [dialog, setDialog] = useState<'ship' | 'cancel' | 'rush' | null>(null);
  const [confirmedNotice, setConfirmedNotice] = useState<string | null>(null);

  const confirm = useMutation(
    trpc.order.confirm.mutationOptions({
      onSuccess: async (o) => {
        setConfirmedNotice(t('orders.confirmedNotice', { date: formatDate(o.promisedDate, locale, tz) }));
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.order.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.workOrder.pathKey() }),
        ]);
      },
    }),
  );

  const rush = useMutation(
    trpc.plan.rushOrder.mutationOptions({
      onSuccess: async () => {
        setDialog(null);
        setConfirmedNotice(t('orders.rushed'));
        await queryClient.invalidateQueries({ queryKey: trpc.order.pathKey() });
      },
    }),
  );
  const o = order.data;
  if (order.isLoading) return <p aria-live="polite">{t('common.loading')}</p>;
  if (order.error || !o)
    return (
      <>
        <p className="notice notice--error">{apiError(order.error).formError}</p>
        <Link href="/orders">{t('orders.title')}</Link>
      </>
    );

  const confirmError = apiError(confirm.error);
  const canConfirm = access.can('order.confirm') && o.status === 'entered';
  const canShip = access.can('order.ship') && SHIPPABLE.has(o.status);
  const canCancel = access.can('order.cancel') && CANCELLABLE.has(o.status);
  const lineNo = new Map(o.lines.map((l) => [l.id, l.lineNo]));

  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <ol>
          <li>
            <Link href="/orders">{t('orders.title')}</Link>
          </li>
          <li aria-current="page">{o.orderNo}</li>
        </ol>
      </nav>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('orders.detailTitle', { orderNo: o.orderNo })}</h1>
          <p>
            <StatusChip kind="orderStatus" status={o.status} testId="order-status" />{' '}
            {o.customer ? o.customer.name : t('orders.hiddenCustomer')}
          </p>
        </div>
        <div className="actions">
          {canConfirm ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => confirm.mutate({ id: o.id })}
              disabled={confirm.isPending}
              title={t('orders.confirmHint')}
              data-testid="confirm-order"
            >
              {confirm.isPending ? t('orders.confirming') : t('orders.confirm')}
            </button>
          ) : null}
          {canShip ? (
            <button type="button" className="btn" onClick={() => setDialog('ship')} data-testid="ship-order">
              {t('orders.ship')}
            </button>
          ) : null}
          {access.can('plan.read') && o.status !== 'entered' && o.status !== 'cancelled' ? (
            <Link
              href={`/planning?plant=${o.plant.id}&order=${o.id}`}
              className="btn"
              data-testid="order-gantt-link"
            >
              {t('orders.seeOnGantt')}
            </Link>
          ) : null}
          {access.can('plan.edit') && !['entered', 'shipped', 'cancelled'].includes(o.status) ? (
            <button type="button" className="btn" onClick={() => setDialog('rush')} data-testid="rush-order">
              {t('orders.rush')}
            </button>
          ) : null}
          {canCancel ? (
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => setDialog('cancel')}
              data-testid="cancel-order"
            >
              {t('orders.cancel')}
            </button>
          ) : null}
        </div>
      </div>

      {canConfirm ? <p className="muted">{t('orders.confirmHint')}</p> : null}
      <FormError message={confirmError.formError ?? Object.values(confirmError.fieldErrors)[0]} />
      {confirmedNotice ? (
        <output className="notice notice--ok" style={{ display: 'block' }} data-testid="confirmed-notice">
          {confirmedNotice}
        </output>
      ) : null}

      <OrderStatusStepper status={o.status} />

      <dl className="kv card" style={{ marginTop: 14 }}>
        <div>
          <dt>{t('orders.customer')}</dt>
          <dd>{o.customer ? `${o.customer.code} · ${o.customer.name}` : t('orders.hiddenCustomer')}</dd>
        </div>
        <div>
          <dt>{t('orders.customerPo')}</dt>
          <dd>{o.customerPo || '—'}</dd>
        </div>
        <div>
          <dt>{t('prod.plant')}</dt>
          <dd>
            {o.plant.code} · {o.plant.name}
          </dd>
        </div>
        <div>
          <dt>{t('orders.priority')}</dt>
          <dd>{o.priority}</dd>
        </div>
        <div>
          <dt>{t('orders.requestedDate')}</dt>
          <dd>{formatDate(o.requestedDate, locale, tz)}</dd>
        </div>
        <div>
          <dt>{t('orders.promisedDate')}</dt>
          <dd data-testid="order-promised">{formatDate(o.promisedDate, locale, tz)}</dd>
        </div>
        <div>
          <dt>{t('orders.confirmedAt')}</dt>
          <dd>{formatDateTime(o.confirmedAt, locale, tz)}</dd>
        </div>
        <div>
          <dt>{t('orders.createdAt')}</dt>
          <dd>{formatDateTime(o.createdAt, locale, tz)}</dd>
        </div>
        {o.notes ? (
          <div>
            <dt>{t('orders.notes')}</dt>
            <dd>{o.notes}</dd>
          </div>
        ) : null}
      </dl>

      <section className="section" aria-labelledby="lines-title">
        <h2 id="lines-title">{t('orders.lines')}</h2>
        <div className="table-wrap card">
          <table className="data" data-testid="order-lines">
            <thead>
              <tr>
                <th scope="col">{t('orders.lineNo')}</th>
                <th scope="col">{t('orders.spec')}</th>
                <th scope="col" className="num">
                  {t('orders.quantity')}
                </th>
                <th scope="col" className="num">
                  {t('orders.shipped')}
                </th>
                <th scope="col">{t('orders.requestedDate')}</th>
                <th scope="col">{t('orders.promisedDate')}</th>
                <th scope="col">{t('prod.status')}</th>
              </tr>
            </thead>
            <tbody>
              {o.lines.map((l) => (
                <tr key={l.id}>
                  <td>{l.lineNo}</td>
                  <td>{specLabel(l.spec, t)}</td>
                  <td className="num">
                    {formatNumber(l.quantity, locale)} {t(`unit.${l.unit}`)}
                  </td>
                  <td className="num">{formatNumber(l.shippedQuantity, locale)}</td>
                  <td>{formatDate(l.requestedDate, locale, tz)}</td>
                  <td>{formatDate(l.promisedDate, locale, tz)}</td>
                  <td>
                    <StatusChip kind="orderStatus" status={l.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {access.can('workOrder.read') ? (
        <section className="section" aria-labelledby="wo-title">
          <h2 id="wo-title">{t('orders.workOrders')}</h2>
          {workOrders.error ? (
            <p className="notice notice--error">{apiError(workOrders.error).formError}</p>
          ) : null}
          {workOrders.data && workOrders.data.items.length === 0 ? (
            <p className="muted">{t('orders.noWorkOrders')}</p>
          ) : null}
          {workOrders.data?.items.map((w) => (
            <div
              key={w.id}
              className="card card-pad"
              style={{ marginBottom: 10 }}
              data-testid={`wo-${w.workOrderNo}`}
            >
              <div className="queue-card__head">
                <h3 className="mono" style={{ margin: 0 }}>
                  {w.workOrderNo}
                </h3>
                <StatusChip kind="workOrderStatus" status={w.status} testId="wo-status" />
              </div>
              <p className="muted" style={{ margin: '4px 0 8px' }}>
                {t('orders.lineNo')} {lineNo.get(w.orderLine.id) ?? w.orderLine.lineNo} ·{' '}
                {t('orders.routing')} {w.routing.code} · {t('orders.outputT')}{' '}
                {formatNumber(w.outputT, locale)} · {t('orders.inputT')} {formatNumber(w.inputT, locale)} ·{' '}
                {t('orders.dueDate')} {formatDate(w.dueDate, locale, tz)}
              </p>
              <div className="table-wrap">
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{t('orders.operations')}</th>
                      <th scope="col">{t('prod.equipment')}</th>
                      <th scope="col">{t('prod.status')}</th>
                      <th scope="col" className="num">
                        {t('shopFloor.good')}
                      </th>
                      <th scope="col" className="num">
                        {t('shopFloor.scrap')}
                      </th>
                      <th scope="col">{t('shopFloor.actual')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {w.operations.map((op) => (
                      <tr key={op.id} data-testid={`op-${w.workOrderNo}-${op.seq}`}>
                        <td>{op.seq}</td>
                        <td>
                          {op.name} <span className="muted mono">{op.operationCode}</span>
                        </td>
                        <td className="mono">
                          {op.eligibleEquipment.map((e) => e.equipmentCode).join(' / ')}
                        </td>
                        <td>
                          <StatusChip kind="operationStatus" status={op.status} testId="op-status" />
                        </td>
                        <td className="num">{formatNumber(op.goodT, locale)}</td>
                        <td className="num">{formatNumber(op.scrapT, locale)}</td>
                        <td>
                          {op.actualStart ? formatDateTime(op.actualStart, locale, tz) : '—'}
                          {op.actualEnd ? ` – ${formatDateTime(op.actualEnd, locale, tz)}` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ))}
        </section>
      ) : null}

      <section className="section" aria-labelledby="ship-title">
        <h2 id="ship-title">{t('orders.shipments')}</h2>
        {o.shipments.length === 0 ? <p className="muted">{t('orders.noShipments')}</p> : null}
        {o.shipments.length > 0 ? (
          <div className="table-wrap card">
            <table className="data" data-testid="order-shipments">
              <thead>
                <tr>
                  <th scope="col">{t('orders.shipments')}</th>
                  <th scope="col">{t('orders.shippedAt')}</th>
                  <th scope="col">{t('orders.carrier')}</th>
                  <th scope="col">{t('orders.lines')}</th>
                </tr>
              </thead>
              <tbody>
                {o.shipments.map((s) => (
                  <tr key={s.id}>
                    <td className="mono">{s.shipmentNo}</td>
                    <td>{formatDateTime(s.shippedAt, locale, tz)}</td>
                    <td>{[s.carrier, s.vehicleNo].filter(Boolean).join(' · ') || '—'}</td>
                    <td>
                      {s.lines
                        .map(
                          (sl) =>
                            `${t('orders.lineNo')} ${lineNo.get(sl.lineId) ?? '?'}: ${formatNumber(sl.quantity, locale)}`,
                        )
                        .join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section className="section" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('orders.timeline')}</h2>
        {o.events.length === 0 ? <p className="muted">{t('orders.noEvents')}</p> : null}
        <ol className="timeline" data-testid="order-timeline">
          {o.events.map((e) => (
            <li key={e.id} data-kind={e.kind}>
              <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at, locale, tz)}</time>
              <strong>{eventText(e, t)}</strong>
              {eventDetail(e, locale, tz) ? (
                <span className="muted"> · {eventDetail(e, locale, tz)}</span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <Modal
        open={dialog === 'rush'}
        title={t('orders.rushTitle')}
        onClose={() => setDialog(null)}
        testId="rush-dialog"
      >
        <FormFrame
          formError={apiError(rush.error).formError}
          pending={rush.isPending}
          onSubmit={(fields) => {
            const raw = String(fields.get('priority') ?? '').trim();
            rush.mutate({ orderId: o.id, priority: raw === '' ? 5 : Number(raw) });
          }}
          onCancel={() => setDialog(null)}
          submitLabel={t('orders.rushSubmit')}
          submitTestId="rush-submit"
        >
          <Field label={t('orders.rushPriority')} error={apiError(rush.error).fieldErrors.priority}>
            <input
              name="priority"
              type="number"
              min={2}
              max={10}
              step={1}
              defaultValue={Math.max(5, o.priority + 1)}
            />
          </Field>
        </FormFrame>
      </Modal>
      <ShipDialog order={o} open={dialog === 'ship'} onClose={() => setDialog(null)} />
      <CancelDialog order={o} open={dialog === 'cancel'} onClose={() => setDialog(null)} />
    </>
  );
}
