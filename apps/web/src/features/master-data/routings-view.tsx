'use client';

import { PRODUCT_FAMILIES, type TProductFamily } from '@ingot/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatNumber, formatPercent } from '../orders/format.ts';
import { useAccess } from '../use-access.ts';
import { RoutingForm } from './routing-form.tsx';
import type { TRouting } from './types.ts';

/** Routing templates per product family (and alloy/temper) with steps and eligible equipment; create, edit, deactivate. */
export function RoutingsView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = useAccess();
  const apiError = useApiError();
  const [family, setFamily] = useState<TProductFamily | ''>('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit'; routing: TRouting } | null>(null);
  const routings = useQuery(
    trpc.routing.list.queryOptions({ ...(family ? { productFamily: family } : {}), includeInactive }),
  );
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.routing.pathKey() });
    setDialog(null);
  };
  const create = useMutation(trpc.routing.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.routing.update.mutationOptions({ onSuccess: done }));
  const setActive = useMutation(trpc.routing.setActive.mutationOptions({ onSuccess: done }));
  const canManage = access.can('routing.manage');
  const close = () => {
    setDialog(null);
    create.reset();
    update.reset();
  };
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <>
      <div className="filters">
        <Field label={t('masterData.productFamily')}>
          <select value={family} onChange={(e) => setFamily(e.target.value as TProductFamily | '')}>
            <option value="">{t('masterData.allFamilies')}</option>
            {PRODUCT_FAMILIES.map((p) => (
              <option key={p} value={p}>
                {t(`productFamily.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={includeInactive}
              onChange={(e) => setIncludeInactive(e.target.checked)}
            />{' '}
            {t('masterData.includeInactive')}
          </label>
        </div>
        {canManage ? (
          <div className="filters__buttons">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="new-routing"
            >
              + {t('masterData.newRouting')}
            </button>
          </div>
        ) : null}
      </div>
      {!access.loading && !canManage ? <p className="notice">{t('masterData.readOnly')}</p> : null}
      {routings.error ? <p className="notice notice--error">{apiError(routings.error).formError}</p> : null}
      <FormError message={apiError(setActive.error).formError} />
      {routings.data && routings.data.length === 0 ? <p className="notice">{t('masterData.empty')}</p> : null}
      {routings.data && routings.data.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="routing-table">
            <thead>
              <tr>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('masterData.productFamily')}</th>
                <th scope="col">
                  {t('masterData.alloy')}-{t('masterData.temper')}
                </th>
                <th scope="col" className="num">
                  {t('masterData.steps')}
                </th>
                <th scope="col" className="num">
                  {t('masterData.cumulativeYield')}
                </th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {routings.data.map((r) => (
                <Fragment key={r.id}>
                  <tr data-testid={`routing-${r.code}`}>
                    <td className="mono">
                      {r.code} {r.active ? null : <span className="badge">{t('masterData.inactive')}</span>}
                    </td>
                    <td>{r.name}</td>
                    <td>{t(`productFamily.${r.productFamily}`)}</td>
                    <td className="mono">
                      {r.alloy?.code ?? t('masterData.anyAlloy')}
                      {r.temper ? `-${r.temper.code}` : ''}
                    </td>
                    <td className="num">{r.steps.length}</td>
                    <td className="num">{formatPercent(r.cumulativeYield, locale)}</td>
                    <td>
                      <div className="actions">
                        <button
                          type="button"
                          className="btn btn-sm"
                          aria-expanded={open.has(r.id)}
                          aria-controls={`steps-${r.id}`}
                          onClick={() => toggle(r.id)}
                        >
                          {open.has(r.id) ? t('masterData.hideSteps') : t('masterData.showSteps')}
                        </button>
                        {canManage ? (
                          <>
                            <button
                              type="button"
                              className="btn btn-sm"
                              onClick={() => setDialog({ kind: 'edit', routing: r })}
                            >
                              {t('common.edit')}
                            </button>
                            <button
                              type="button"
                              className="btn btn-sm"
                              onClick={() => setActive.mutate({ id: r.id, active: !r.active })}
                              disabled={setActive.isPending}
                            >
                              {r.active ? t('masterData.deactivate') : t('masterData.activate')}
                            </button>
                          </>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                  {open.has(r.id) ? (
                    <tr id={`steps-${r.id}`}>
                      <td colSpan={7}>
                        <ol style={{ margin: 0, paddingLeft: 20 }}>
                          {r.steps.map((s) => (
                            <li key={s.id}>
                              <strong>{s.name}</strong> <span className="mono muted">{s.operationCode}</span>{' '}
                              · {t('masterData.yield')} {formatNumber(s.yield, locale)}
                              {s.recipe ? ` · ${t('masterData.recipe')}: ${s.recipe}` : ''}
                              <div className="muted" style={{ fontSize: 13 }}>
                                {s.equipment
                                  .map(
                                    (e) =>
                                      `${e.equipmentCode} ${formatNumber(e.rate, locale)} ${t(`rateUnit.${e.rateUnit}`)}${e.fixedMinutes ? ` + ${e.fixedMinutes} min` : ''}`,
                                  )
                                  .join(' / ')}
                              </div>
                            </li>
                          ))}
                        </ol>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'edit' ? t('masterData.editRouting') : t('masterData.newRouting')}
        onClose={close}
        testId="routing-dialog"
      >
        {dialog?.kind === 'edit' ? (
          <RoutingForm
            initial={dialog.routing}
            pending={update.isPending}
            error={apiError(update.error)}
            onCancel={close}
            onSubmit={(v) => update.mutate({ id: dialog.routing.id, name: v.name, steps: v.steps })}
          />
        ) : dialog?.kind === 'create' ? (
          <RoutingForm
            pending={create.isPending}
            error={apiError(create.error)}
            onCancel={close}
            onSubmit={(v) => create.mutate(v)}
          />
        ) : null}
      </Modal>
    </>
  );
}
