'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { apiErrorMessage } from '../../trpc/describe-api-error.ts';
import { useTRPC } from '../../trpc/react.tsx';
import type { TPlantItem } from '../../trpc/types.ts';
import { useApiError } from '../../trpc/use-api-error.ts';
import { useAccess } from '../use-access.ts';
import { PlantForm } from './plant-form.tsx';

type TDialog =
  | { kind: 'create' }
  | { kind: 'edit'; plant: TPlantItem }
  | { kind: 'delete'; plant: TPlantItem }
  | null;

/** The tenant's plants (in the member's scope) with create, edit and delete. */
export function PlantsView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = useAccess();
  const plants = useQuery(trpc.plant.list.queryOptions());
  const [dialog, setDialog] = useState<TDialog>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.plant.pathKey() });
  const create = useMutation(
    trpc.plant.create.mutationOptions({ onSuccess: () => refresh().then(() => setDialog(null)) }),
  );
  const update = useMutation(
    trpc.plant.update.mutationOptions({ onSuccess: () => refresh().then(() => setDialog(null)) }),
  );
  const remove = useMutation(
    trpc.plant.delete.mutationOptions({ onSuccess: () => refresh().then(() => setDialog(null)) }),
  );

  const close = () => {
    setDialog(null);
    create.reset();
    update.reset();
    remove.reset();
  };
  const apiError = useApiError();

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('plants.title')}</h1>
          <p>{t('plants.subtitle')}</p>
        </div>
        {access.canEditHierarchy && access.allPlants ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="new-plant"
          >
            + {t('plants.new')}
          </button>
        ) : null}
      </div>

      {!access.loading && !access.canEditHierarchy ? <p className="notice">{t('plants.readOnly')}</p> : null}
      {plants.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {plants.error ? <p className="notice notice--error">{apiError(plants.error).formError}</p> : null}
      {plants.data && plants.data.length === 0 ? <p className="notice">{t('plants.empty')}</p> : null}

      <ul className="plant-grid" data-testid="plant-list">
        {plants.data?.map((p) => (
          <li key={p.id} className="card plant-card" data-testid={`plant-${p.code}`}>
            <div>
              <span className="badge mono">{p.code}</span>
              <h2>
                <Link href={`/plants/${p.id}`} data-testid="plant-link">
                  {p.name}
                </Link>
              </h2>
              <p className="muted" style={{ margin: 0 }}>
                {[p.address.province, p.address.city].filter(Boolean).join(' · ') || '—'} · {p.timezone}
              </p>
            </div>
            <dl className="stats">
              <div>
                <dt>{t('plants.areas')}</dt>
                <dd>{p.areaCount}</dd>
              </div>
              <div>
                <dt>{t('plants.lines')}</dt>
                <dd>{p.workCenterCount}</dd>
              </div>
              <div>
                <dt>{t('plants.equipment')}</dt>
                <dd>{p.equipmentCount}</dd>
              </div>
            </dl>
            <div className="actions">
              <Link href={`/plants/${p.id}`} className="btn btn-sm">
                {t('plants.open')} →
              </Link>
              {access.canEditHierarchy ? (
                <>
                  <button
                    type="button"
                    className="btn btn-sm"
                    onClick={() => setDialog({ kind: 'edit', plant: p })}
                  >
                    {t('common.edit')}
                  </button>
                  {access.allPlants ? (
                    <button
                      type="button"
                      className="btn btn-sm btn-danger"
                      onClick={() => setDialog({ kind: 'delete', plant: p })}
                      data-testid="delete-plant"
                    >
                      {t('common.delete')}
                    </button>
                  ) : null}
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ul>

      <Modal open={dialog?.kind === 'create'} title={t('plants.new')} onClose={close} testId="plant-dialog">
        <PlantForm
          pending={create.isPending}
          error={apiError(create.error)}
          onCancel={close}
          onSubmit={(v) => create.mutate(v)}
        />
      </Modal>
      <Modal
        open={dialog?.kind === 'edit'}
        title={t('plants.editTitle')}
        onClose={close}
        testId="plant-dialog"
      >
        {dialog?.kind === 'edit' ? (
          <PlantForm
            initial={dialog.plant}
            pending={update.isPending}
            error={apiError(update.error)}
            onCancel={close}
            onSubmit={(v) => update.mutate({ id: dialog.plant.id, ...v })}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        open={dialog?.kind === 'delete'}
        title={t('common.deleteConfirmTitle')}
        body={dialog?.kind === 'delete' ? t('common.deleteConfirmBody', { name: dialog.plant.name }) : ''}
        confirmLabel={t('common.delete')}
        pending={remove.isPending}
        error={apiErrorMessage(apiError(remove.error))}
        onConfirm={() => dialog?.kind === 'delete' && remove.mutate({ id: dialog.plant.id })}
        onClose={close}
      />
    </>
  );
}
