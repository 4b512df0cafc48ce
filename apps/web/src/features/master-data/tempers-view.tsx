'use client';

import type { TMetalFamily } from '@ingot/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { EditRowButton } from './edit-row-button.tsx';
import { FamilyFilter } from './family-filter.tsx';
import { MasterDataDialog } from './master-data-dialog.tsx';
import { MasterDataList } from './master-data-list.tsx';
import { TemperForm } from './temper-form.tsx';
import type { TTemper } from './types.ts';
import { useEditDialog } from './use-edit-dialog.ts';
import { useManageAccess } from './use-manage-access.ts';

/** Temper designations per metal (O, H14, T5, …); create, and edit the description. */
export function TempersView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const access = useManageAccess('masterData.manage');
  const [family, setFamily] = useState<TMetalFamily | ''>('');
  const tempers = useQuery(trpc.masterData.temper.list.queryOptions(family ? { family } : {}));
  const dialog = useEditDialog<TTemper>(trpc.masterData.temper.pathKey());
  const onSuccess = dialog.afterSave;
  const create = useMutation(trpc.masterData.temper.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.masterData.temper.update.mutationOptions({ onSuccess }));
  const close = () => dialog.close(create, update);

  return (
    <>
      <MasterDataList
        kind="temper"
        access={access}
        newLabel={t('masterData.newTemper')}
        onNew={dialog.openCreate}
        filters={
          <FamilyFilter of="metal" value={family} onChange={(f) => setFamily(f as TMetalFamily | '')} />
        }
        list={tempers}
        rowTestId={(x) => `temper-${x.family}-${x.code}`}
        columns={[
          { id: 'code', header: t('common.code'), className: 'mono', cell: (x) => x.code },
          { id: 'family', header: t('masterData.family'), cell: (x) => t(`metalFamily.${x.family}`) },
          { id: 'description', header: t('masterData.description'), cell: (x) => x.description || '—' },
        ]}
        rowActions={
          access.canManage ? (x) => <EditRowButton onClick={() => dialog.openEdit(x)} /> : undefined
        }
      />
      <MasterDataDialog
        kind="temper"
        target={dialog.target}
        titles={{ create: t('masterData.newTemper'), edit: t('masterData.editTemper') }}
        onClose={close}
      >
        {(temper) => (
          <TemperForm
            initial={temper}
            pending={temper ? update.isPending : create.isPending}
            error={apiError(temper ? update.error : create.error)}
            onCancel={close}
            onSubmit={(v) =>
              temper ? update.mutate({ id: temper.id, description: v.description }) : create.mutate(v)
            }
          />
        )}
      </MasterDataDialog>
    </>
  );
}
