'use client';

import { PRODUCT_FAMILIES, type TProductFamily } from '@ingot/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../../components/field.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatNumber } from '../orders/format.ts';
import { useAccess } from '../use-access.ts';
import { text } from './form-values.ts';
import { SpecForm } from './spec-form.tsx';
import type { TSpec } from './types.ts';

const tol = (minus: number | null, plus: number | null) =>
  minus === null && plus === null ? '' : minus === plus ? `±${minus}` : `−${minus ?? 0}/+${plus ?? 0}`;

/** Product specifications: family, alloy-temper, dimensions with tolerances; create and edit. */
export function SpecsView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = useAccess();
  const apiError = useApiError();
  const [family, setFamily] = useState<TProductFamily | ''>('');
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit'; spec: TSpec } | null>(null);
  const specs = useQuery(
    trpc.masterData.spec.list.queryOptions({
      ...(family ? { productFamily: family } : {}),
      ...(search ? { search } : {}),
    }),
  );
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.masterData.spec.pathKey() });
    setDialog(null);
  };
  const create = useMutation(trpc.masterData.spec.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.masterData.spec.update.mutationOptions({ onSuccess: done }));
  const canManage = access.can('masterData.manage');
  const close = () => {
    setDialog(null);
    create.reset();
    update.reset();
  };

  return (
    <>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(text(new FormData(e.currentTarget).get('q')));
        }}
      >
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
        <Field label={t('masterData.search')}>
          <input name="q" type="search" defaultValue={search} />
        </Field>
        <div className="filters__buttons">
          <button type="submit" className="btn">
            {t('prod.search')}
          </button>
          {canManage ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="new-spec"
            >
              + {t('masterData.newSpec')}
            </button>
          ) : null}
        </div>
      </form>
      {!access.loading && !canManage ? <p className="notice">{t('masterData.readOnly')}</p> : null}
      {specs.error ? <p className="notice notice--error">{apiError(specs.error).formError}</p> : null}
      {specs.data && specs.data.length === 0 ? <p className="notice">{t('masterData.empty')}</p> : null}
      {specs.data && specs.data.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="spec-table">
            <thead>
              <tr>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('masterData.productFamily')}</th>
                <th scope="col">
                  {t('masterData.alloy')}-{t('masterData.temper')}
                </th>
                <th scope="col">{t('masterData.dimensions')}</th>
                <th scope="col">{t('masterData.surface')}</th>
                <th scope="col">{t('masterData.specCustomer')}</th>
                <th scope="col" className="num">
                  {t('masterData.pieceWeight')}
                </th>
                {canManage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {specs.data.map((s) => (
                <tr key={s.id} data-testid={`spec-${s.code}`}>
                  <td className="mono">{s.code}</td>
                  <td>{t(`productFamily.${s.productFamily}`)}</td>
                  <td className="mono">
                    {s.alloy.code}-{s.temper.code}
                  </td>
                  <td>
                    {s.thicknessMm}
                    {tol(s.thicknessTolMinus, s.thicknessTolPlus)}
                    {s.widthMm !== null ? ` × ${s.widthMm}${tol(s.widthTolMinus, s.widthTolPlus)}` : ''}
                    {s.lengthMm !== null ? ` × ${s.lengthMm}` : ''}
                    {s.innerDiameterMm !== null ? ` · ID ${s.innerDiameterMm}` : ''}
                    {s.outerDiameterMm !== null ? ` / OD ${s.outerDiameterMm}` : ''}
                  </td>
                  <td>{s.surface || '—'}</td>
                  <td>{s.customer ? s.customer.name : t('masterData.catalogue')}</td>
                  <td className="num">{formatNumber(s.pieceWeightKg, locale, 1)}</td>
                  {canManage ? (
                    <td>
                      <button
                        type="button"
                        className="btn btn-sm"
                        onClick={() => setDialog({ kind: 'edit', spec: s })}
                      >
                        {t('common.edit')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'edit' ? t('masterData.editSpec') : t('masterData.newSpec')}
        onClose={close}
        testId="spec-dialog"
      >
        {dialog?.kind === 'edit' ? (
          <SpecForm
            initial={dialog.spec}
            pending={update.isPending}
            error={apiError(update.error)}
            onCancel={close}
            onSubmit={({ productFamily: _p, alloyId: _a, temperId: _t, ...v }) =>
              update.mutate({ id: dialog.spec.id, ...v })
            }
          />
        ) : dialog?.kind === 'create' ? (
          <SpecForm
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
