'use client';

import type { TProductFamily } from '@ingot/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatNumber } from '../orders/format.ts';
import { EditRowButton } from './edit-row-button.tsx';
import { FamilyFilter } from './family-filter.tsx';
import { MasterDataDialog } from './master-data-dialog.tsx';
import { MasterDataList } from './master-data-list.tsx';
import { SearchFilter } from './search-filter.tsx';
import { SpecForm } from './spec-form.tsx';
import type { TSpec } from './types.ts';
import { useEditDialog } from './use-edit-dialog.ts';
import { useManageAccess } from './use-manage-access.ts';

const tol = (minus: number | null, plus: number | null) =>
  minus === null && plus === null ? '' : minus === plus ? `±${minus}` : `−${minus ?? 0}/+${plus ?? 0}`;

/** "1.0±0.05 × 1250 × 2000 · ID 505 / OD 1600": a spec's dimensions with their tolerances. */
const dimensions = (s: TSpec) =>
  [
    `${s.thicknessMm}${tol(s.thicknessTolMinus, s.thicknessTolPlus)}`,
    s.widthMm !== null ? ` × ${s.widthMm}${tol(s.widthTolMinus, s.widthTolPlus)}` : '',
    s.lengthMm !== null ? ` × ${s.lengthMm}` : '',
    s.innerDiameterMm !== null ? ` · ID ${s.innerDiameterMm}` : '',
    s.outerDiameterMm !== null ? ` / OD ${s.outerDiameterMm}` : '',
  ].join('');

/** Product specifications: family, alloy-temper, dimensions with tolerances; create and edit. */
export function SpecsView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const access = useManageAccess('masterData.manage');
  const [family, setFamily] = useState<TProductFamily | ''>('');
  const [search, setSearch] = useState('');
  const specs = useQuery(
    trpc.masterData.spec.list.queryOptions({
      ...(family ? { productFamily: family } : {}),
      ...(search ? { search } : {}),
    }),
  );
  const dialog = useEditDialog<TSpec>(trpc.masterData.spec.pathKey());
  const onSuccess = dialog.afterSave;
  const create = useMutation(trpc.masterData.spec.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.masterData.spec.update.mutationOptions({ onSuccess }));
  const close = () => dialog.close(create, update);

  return (
    <>
      <MasterDataList
        kind="spec"
        access={access}
        newLabel={t('masterData.newSpec')}
        onNew={dialog.openCreate}
        onSearch={setSearch}
        filters={
          <>
            <FamilyFilter of="product" value={family} onChange={(f) => setFamily(f as TProductFamily | '')} />
            <SearchFilter value={search} />
          </>
        }
        list={specs}
        rowTestId={(s) => `spec-${s.code}`}
        columns={[
          { id: 'code', header: t('common.code'), className: 'mono', cell: (s) => s.code },
          {
            id: 'family',
            header: t('masterData.productFamily'),
            cell: (s) => t(`productFamily.${s.productFamily}`),
          },
          {
            id: 'alloy-temper',
            header: `${t('masterData.alloy')}-${t('masterData.temper')}`,
            className: 'mono',
            cell: (s) => `${s.alloy.code}-${s.temper.code}`,
          },
          { id: 'dimensions', header: t('masterData.dimensions'), cell: dimensions },
          { id: 'surface', header: t('masterData.surface'), cell: (s) => s.surface || '—' },
          {
            id: 'customer',
            header: t('masterData.specCustomer'),
            cell: (s) => (s.customer ? s.customer.name : t('masterData.catalogue')),
          },
          {
            id: 'piece-weight',
            header: t('masterData.pieceWeight'),
            numeric: true,
            cell: (s) => formatNumber(s.pieceWeightKg, locale, 1),
          },
        ]}
        rowActions={
          access.canManage ? (s) => <EditRowButton onClick={() => dialog.openEdit(s)} /> : undefined
        }
      />
      <MasterDataDialog
        kind="spec"
        target={dialog.target}
        titles={{ create: t('masterData.newSpec'), edit: t('masterData.editSpec') }}
        onClose={close}
      >
        {(spec) => (
          <SpecForm
            initial={spec}
            pending={spec ? update.isPending : create.isPending}
            error={apiError(spec ? update.error : create.error)}
            onCancel={close}
            onSubmit={({ productFamily, alloyId, temperId, ...v }) =>
              spec
                ? update.mutate({ id: spec.id, ...v })
                : create.mutate({ productFamily, alloyId, temperId, ...v })
            }
          />
        )}
      </MasterDataDialog>
    </>
  );
}
