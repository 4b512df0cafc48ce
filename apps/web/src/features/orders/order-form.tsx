'use client';

import { QUANTITY_UNITS, type TQuantityUnit } from '@ingot/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { dateInputValue } from './format.ts';
import './production.css';
import { specLabel } from './spec-label.ts';

interface TLineDraft {
  key: number;
  specId: string;
  quantity: string;
  unit: TQuantityUnit;
  requestedDate: string;
}

const inDays = (days: number) => dateInputValue(Date.now() + days * 86_400_000);

/**
 * A new sales order: making plant, customer, PO, priority, and lines (specification, quantity, unit, requested
 * date). The server validates; its messages appear next to the field they name (`lines.1.quantity`).
 */
export function OrderForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const apiError = useApiError();
  const formId = useId();
  const plants = useQuery(trpc.plant.list.queryOptions());
  const customers = useQuery(trpc.masterData.customer.list.queryOptions({ includeInactive: false }));
  const specs = useQuery(trpc.masterData.spec.list.queryOptions({}));
  const [customerId, setCustomerId] = useState('');
  const [nextKey, setNextKey] = useState(2);
  const [lines, setLines] = useState<TLineDraft[]>([
    { key: 1, specId: '', quantity: '', unit: 't', requestedDate: inDays(30) },
  ]);

  const create = useMutation(
    trpc.order.create.mutationOptions({
      onSuccess: async (order) => {
        await queryClient.invalidateQueries({ queryKey: trpc.order.pathKey() });
        router.push(`/orders/${order.id}`);
      },
    }),
  );
  const err = apiError(create.error);
  const fe = err.fieldErrors;

  const update = (key: number, patch: Partial<TLineDraft>) =>
    setLines((list) => list.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const submit = (f: FormData) => {
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const orderNo = s('orderNo');
    create.mutate({
      plantId: s('plantId'),
      customerId,
      ...(orderNo ? { orderNo } : {}),
      customerPo: s('customerPo'),
      priority: Number(s('priority') || 1),
      notes: s('notes'),
      lines: lines.map((l) => ({
        specId: l.specId,
        quantity: l.quantity === '' ? Number.NaN : Number(l.quantity),
        unit: l.unit,
        requestedDate: l.requestedDate,
      })),
    });
  };

  // Catalogue specs and the chosen customer's own ones.
  const specOptions = (specs.data ?? []).filter((sp) => !sp.customer || sp.customer.id === customerId);
  const plantList = plants.data ?? [];

  return (
    <FormFrame
      className="card card-pad"
      heading={
        <h2 id={`${formId}-title`} className="visually-hidden">
          {t('orders.formTitle')}
        </h2>
      }
      formError={err.formError}
      pending={create.isPending}
      onSubmit={submit}
      onCancel={() => router.push('/orders')}
      submitLabel={create.isPending ? t('orders.creating') : t('orders.submit')}
      testId="order-form"
      submitTestId="order-submit"
      aria-labelledby={`${formId}-title`}
    >
      <div className="form-grid">
        <Field label={t('prod.plant')} error={fe.plantId} testId="order-plant">
          <select
            name="plantId"
            defaultValue={plantList.length === 1 ? plantList[0]?.id : ''}
            data-testid="order-plant"
          >
            <option value="">{t('orders.choosePlant')}</option>
            {plantList.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('orders.customer')} error={fe.customerId} testId="order-customer">
          <select
            value={customerId}
            onChange={(e) => setCustomerId(e.target.value)}
            data-testid="order-customer"
          >
            <option value="">{t('orders.chooseCustomer')}</option>
            {customers.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} · {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('orders.customerPo')} error={fe.customerPo}>
          <input name="customerPo" type="text" autoComplete="off" data-testid="order-po" />
        </Field>
        <Field
          label={t('orders.orderNo')}
          hint={t('orders.orderNoHint')}
          error={fe.orderNo}
          testId="order-no"
        >
          <input name="orderNo" type="text" autoComplete="off" data-testid="order-no" />
        </Field>
        <Field label={t('orders.priority')} hint={t('orders.priorityHint')} error={fe.priority}>
          <input name="priority" type="number" min={1} max={10} step={1} defaultValue={1} />
        </Field>
      </div>

      <fieldset>
        <legend>{t('orders.lines')}</legend>
        {specs.data && specs.data.length === 0 ? <p className="notice">{t('orders.noSpecs')}</p> : null}
        <FormError message={fe.lines} />
        <div className="line-editor">
          {lines.map((l, i) => (
            // biome-ignore lint/a11y/useSemanticElements: a line is a labelled group inside the lines fieldset.
            <div
              key={l.key}
              className="line-row"
              role="group"
              aria-label={t('orders.line', { n: i + 1 })}
              data-testid={`order-line-${i}`}
            >
              <Field
                label={`${t('orders.line', { n: i + 1 })} · ${t('orders.spec')}`}
                error={fe[`lines.${i}.specId`]}
                testId={`line-${i}-spec`}
              >
                <select
                  value={l.specId}
                  onChange={(e) => update(l.key, { specId: e.target.value })}
                  data-testid={`line-${i}-spec`}
                >
                  <option value="">{t('orders.chooseSpec')}</option>
                  {specOptions.map((sp) => (
                    <option key={sp.id} value={sp.id}>
                      {specLabel(sp, t)}
                      {sp.customer ? ` · ${t('orders.specCustomer')}` : ''}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                label={t('orders.quantity')}
                error={fe[`lines.${i}.quantity`]}
                testId={`line-${i}-quantity`}
              >
                <input
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="any"
                  value={l.quantity}
                  onChange={(e) => update(l.key, { quantity: e.target.value })}
                  data-testid={`line-${i}-quantity`}
                />
              </Field>
              <Field label={t('orders.unit')} error={fe[`lines.${i}.unit`]}>
                <select
                  value={l.unit}
                  onChange={(e) => update(l.key, { unit: e.target.value as TQuantityUnit })}
                >
                  {QUANTITY_UNITS.map((u) => (
                    <option key={u} value={u}>
                      {t(`unit.${u}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                label={t('orders.requestedDate')}
                error={fe[`lines.${i}.requestedDate`]}
                testId={`line-${i}-date`}
              >
                <input
                  type="date"
                  value={l.requestedDate}
                  onChange={(e) => update(l.key, { requestedDate: e.target.value })}
                  data-testid={`line-${i}-date`}
                />
              </Field>
              <button
                type="button"
                className="btn btn-sm btn-danger line-row__remove"
                onClick={() => setLines((list) => list.filter((x) => x.key !== l.key))}
                disabled={lines.length === 1}
                aria-label={t('orders.removeLine', { n: i + 1 })}
              >
                ✕
              </button>
            </div>
          ))}
        </div>
        <p>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => {
              setLines((list) => [
                ...list,
                {
                  key: nextKey,
                  specId: '',
                  quantity: '',
                  unit: 't',
                  requestedDate: list[list.length - 1]?.requestedDate ?? inDays(30),
                },
              ]);
              setNextKey((k) => k + 1);
            }}
            data-testid="add-line"
          >
            + {t('orders.addLine')}
          </button>
        </p>
      </fieldset>

      <Field label={t('orders.notes')} error={fe.notes}>
        <textarea name="notes" rows={2} />
      </Field>
    </FormFrame>
  );
}
