'use client';

import type { TMetalFamily } from '@ingot/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { ActiveToggleButton } from './active-toggle-button.tsx';
import { AlloyForm } from './alloy-form.tsx';
import { CodeWithStatus } from './code-with-status.tsx';
import { compositionSummary } from './composition.ts';
import { EditRowButton } from './edit-row-button.tsx';
import { FamilyFilter } from './family-filter.tsx';
import { IncludeInactiveFilter } from './include-inactive-filter.tsx';
import styles from './master-data.module.css';
import { MasterDataDialog } from './master-data-dialog.tsx';
import { MasterDataList } from './master-data-list.tsx';
import type { TAlloy } from './types.ts';
import { useEditDialog } from './use-edit-dialog.ts';
import { useManageAccess } from './use-manage-access.ts';

/** Alloys with their composition limits; create, edit, deactivate (alloys in use are never deleted). */
export function AlloysView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const access = useManageAccess('masterData.manage');
  const [family, setFamily] = useState<TMetalFamily | ''>('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const alloys = useQuery(
    trpc.masterData.alloy.list.queryOptions({ ...(family ? { family } : {}), includeInactive }),
  );
  const dialog = useEditDialog<TAlloy>(trpc.masterData.alloy.pathKey());
  const onSuccess = dialog.afterSave;
  const create = useMutation(trpc.masterData.alloy.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.masterData.alloy.update.mutationOptions({ onSuccess }));
  const setActive = useMutation(trpc.masterData.alloy.setActive.mutationOptions({ onSuccess }));
  const close = () => dialog.close(create, update);

  return (
    <>
      <MasterDataList
        kind="alloy"
        access={access}
        newLabel={t('masterData.newAlloy')}
        onNew={dialog.openCreate}
        filters={
          <>
            <FamilyFilter of="metal" value={family} onChange={(f) => setFamily(f as TMetalFamily | '')} />
            <IncludeInactiveFilter checked={includeInactive} onChange={setIncludeInactive} />
          </>
        }
        list={alloys}
        actionError={setActive.error}
        rowTestId={(a) => `alloy-${a.code}`}
        columns={[
          {
            id: 'code',
            header: t('common.code'),
            className: 'mono',
            cell: (a) => <CodeWithStatus code={a.code} active={a.active} />,
          },
          { id: 'family', header: t('masterData.family'), cell: (a) => t(`metalFamily.${a.family}`) },
          { id: 'name', header: t('masterData.name'), cell: (a) => a.name || '—' },
          { id: 'standard', header: t('masterData.standard'), cell: (a) => a.standard || '—' },
          { id: 'density', header: t('masterData.density'), numeric: true, cell: (a) => a.density ?? '—' },
          {
            id: 'composition',
            header: t('masterData.composition'),
            className: `muted ${styles.small}`,
            cell: (a) => compositionSummary(a.composition, t('masterData.remainder')) || '—',
          },
        ]}
        rowActions={
          access.canManage
            ? (a) => (
                <>
                  <EditRowButton onClick={() => dialog.openEdit(a)} />
                  <ActiveToggleButton row={a} setActive={setActive} />
                </>
              )
            : undefined
        }
      />
      <MasterDataDialog
        kind="alloy"
        target={dialog.target}
        titles={{ create: t('masterData.newAlloy'), edit: t('masterData.editAlloy') }}
        onClose={close}
      >
        {(alloy) => (
          <AlloyForm
            initial={alloy}
            pending={alloy ? update.isPending : create.isPending}
            error={apiError(alloy ? update.error : create.error)}
            onCancel={close}
            onSubmit={({ family: fixedFamily, ...v }) =>
              alloy ? update.mutate({ id: alloy.id, ...v }) : create.mutate({ family: fixedFamily, ...v })
            }
          />
        )}
      </MasterDataDialog>
    </>
  );
}
