'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatNumber } from './format.ts';
import type { TOrderDetail } from './types.ts';

/** Records a shipment: per line the quantity shipped now (partial shipments allowed), carrier and vehicle. */
export function ShipDialog({
  order,
  open,
  onClose,
}: {
  order: TOrderDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apiError = useApiError();
  const [localError, setLocalError] = useState<string | null>(null);
  // The server names lines by their index in what was sent (`lines.0.quantity`): remember which line that was.
  const [sentIds, setSentIds] = useState<string[]>([]);
  const ship = useMutation(
    trpc.order.ship.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.order.pathKey() });
        onClose();
      },
    }),
  );
  const err = apiError(ship.error);
  const close = () => {
    ship.reset();
    setLocalError(null);
    onClose();
  };
  const submit = (f: FormData) => {
    const lines = order.lines
      .map((l) => ({ lineId: l.id, raw: String(f.get(`qty-${l.id}`) ?? '').trim() }))
      .filter((l) => l.raw !== '')
      .map((l) => ({ lineId: l.lineId, quantity: Number(l.raw), lotId: null }));
    if (lines.length === 0) {
      setLocalError(t('orders.shipNothing'));
      return;
    }
    setLocalError(null);
    setSentIds(lines.map((l) => l.lineId));
    ship.mutate({
      orderId: order.id,
      carrier: String(f.get('carrier') ?? ''),
      vehicleNo: String(f.get('vehicleNo') ?? ''),
      lines,
    });
  };
  return (
    <Modal open={open} title={t('orders.shipTitle')} onClose={close} testId="ship-dialog">
      <FormFrame
        formError={localError ?? err.formError}
        pending={ship.isPending}
        onSubmit={submit}
        onCancel={close}
        submitLabel={t('orders.shipSubmit')}
        submitTestId="ship-submit"
      >
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('orders.lineNo')}</th>
                <th scope="col" className="num">
                  {t('orders.quantity')}
                </th>
                <th scope="col" className="num">
                  {t('orders.remaining')}
                </th>
                <th scope="col">{t('orders.shipQty')}</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((l) => (
                <tr key={l.id}>
                  <td>
                    {l.lineNo} · {l.spec.code}
                  </td>
                  <td className="num">
                    {formatNumber(l.quantity, locale)} {t(`unit.${l.unit}`)}
                  </td>
                  <td className="num">{formatNumber(Math.max(0, l.quantity - l.shippedQuantity), locale)}</td>
                  <td>
                    <Field
                      label={t('orders.shipQty')}
                      error={
                        err.fieldErrors[`lines.${sentIds.indexOf(l.id)}.quantity`] ??
                        err.fieldErrors[`lines.${sentIds.indexOf(l.id)}.lineId`]
                      }
                      testId={`ship-qty-${l.lineNo}`}
                    >
                      <input
                        name={`qty-${l.id}`}
                        type="number"
                        min={0}
                        step="any"
                        inputMode="decimal"
                        data-testid={`ship-qty-${l.lineNo}`}
                      />
                    </Field>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="form-grid">
          <Field label={t('orders.carrier')} error={err.fieldErrors.carrier}>
            <input name="carrier" type="text" />
          </Field>
          <Field label={t('orders.vehicleNo')} error={err.fieldErrors.vehicleNo}>
            <input name="vehicleNo" type="text" />
          </Field>
        </div>
      </FormFrame>
    </Modal>
  );
}

/** Cancels the order with a reason (the server refuses once production has started). */
export function CancelDialog({
  order,
  open,
  onClose,
}: {
  order: TOrderDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apiError = useApiError();
  const cancel = useMutation(
    trpc.order.cancel.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.order.pathKey() });
        onClose();
      },
    }),
  );
  const err = apiError(cancel.error);
  const close = () => {
    cancel.reset();
    onClose();
  };
  return (
    <Modal open={open} title={t('orders.cancel')} onClose={close} testId="cancel-dialog">
      <FormFrame
        formError={err.formError ?? err.fieldErrors.id}
        pending={cancel.isPending}
        onSubmit={(fields) => cancel.mutate({ id: order.id, reason: String(fields.get('reason') ?? '') })}
        onCancel={close}
        submitLabel={t('orders.cancelSubmit')}
        tone="danger"
        submitTestId="cancel-submit"
      >
        <Field label={t('orders.cancelReason')} error={err.fieldErrors.reason} testId="cancel-reason">
          <textarea name="reason" rows={3} data-testid="cancel-reason" />
        </Field>
      </FormFrame>
    </Modal>
  );
}
