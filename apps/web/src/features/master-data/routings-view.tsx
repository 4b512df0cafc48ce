'use client';

import type { TProductFamily } from '@ingot/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatPercent } from '../orders/format.ts';
import { ActiveToggleButton } from './active-toggle-button.tsx';
import { CodeWithStatus } from './code-with-status.tsx';
import { EditRowButton } from './edit-row-button.tsx';
import { FamilyFilter } from './family-filter.tsx';
import { IncludeInactiveFilter } from './include-inactive-filter.tsx';
import { MasterDataDialog } from './master-data-dialog.tsx';
import { MasterDataList } from './master-data-list.tsx';
import { RoutingForm } from './routing-form.tsx';
import { RoutingSteps } from './routing-steps.tsx';
import type { TRouting } from './types.ts';
import { useEditDialog } from './use-edit-dialog.ts';
import { useManageAccess } from './use-manage-access.ts';

/** Routing templates per product family (and alloy/temper) with steps and eligible equipment; create, edit, deactivate. */
export function RoutingsView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const access = useManageAccess('routing.manage');
  const [family, setFamily] = useState<TProductFamily | ''>('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const routings = useQuery(
    trpc.routing.list.queryOptions({ ...(family ? { productFamily: family } : {}), includeInactive }),
  );
  const dialog = useEditDialog<TRouting>(trpc.routing.pathKey());
  const onSuccess = dialog.afterSave;
  const create = useMutation(trpc.routing.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.routing.update.mutationOptions({ onSuccess }));
  const setActive = useMutation(trpc.routing.setActive.mutationOptions({ onSuccess }));
  const close = () => dialog.close(create, update);
  const toggleSteps = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <>
      <MasterDataList
        kind="routing"
        access={access}
        newLabel={t('masterData.newRouting')}
        onNew={dialog.openCreate}
        filters={
          <>
            <FamilyFilter of="product" value={family} onChange={(f) => setFamily(f as TProductFamily | '')} />
            <IncludeInactiveFilter checked={includeInactive} onChange={setIncludeInactive} />
          </>
        }
        list={routings}
        actionError={setActive.error}
        rowTestId={(r) => `routing-${r.code}`}
        columns={[
          {
            id: 'code',
            header: t('common.code'),
            className: 'mono',
            cell: (r) => <CodeWithStatus code={r.code} active={r.active} />,
          },
          { id: 'name', header: t('common.name'), cell: (r) => r.name },
          {
            id: 'family',
            header: t('masterData.productFamily'),
            cell: (r) => t(`productFamily.${r.productFamily}`),
          },
          {
            id: 'alloy-temper',
            header: `${t('masterData.alloy')}-${t('masterData.temper')}`,
            className: 'mono',
            cell: (r) => `${r.alloy?.code ?? t('masterData.anyAlloy')}${r.temper ? `-${r.temper.code}` : ''}`,
          },
          { id: 'steps', header: t('masterData.steps'), numeric: true, cell: (r) => r.steps.length },
          {
            id: 'yield',
            header: t('masterData.cumulativeYield'),
            numeric: true,
            cell: (r) => formatPercent(r.cumulativeYield, locale),
          },
        ]}
        // Everyone may open a routing's steps; only managers edit and (de)activate.
        rowActions={(r) => (
          <>
            <button
              type="button"
              className="btn btn-sm"
              aria-expanded={open.has(r.id)}
              aria-controls={`steps-${r.id}`}
              onClick={() => toggleSteps(r.id)}
            >
              {open.has(r.id) ? t('masterData.hideSteps') : t('masterData.showSteps')}
            </button>
            {access.canManage ? (
              <>
                <EditRowButton onClick={() => dialog.openEdit(r)} />
                <ActiveToggleButton row={r} setActive={setActive} />
              </>
            ) : null}
          </>
        )}
        rowDetail={(r) =>
          open.has(r.id) ? { id: `steps-${r.id}`, content: <RoutingSteps steps={r.steps} /> } : null
        }
      />
      <MasterDataDialog
        kind="routing"
        target={dialog.target}
        titles={{ create: t('masterData.newRouting'), edit: t('masterData.editRouting') }}
        onClose={close}
      >
        {(routing) => (
          <RoutingForm
            initial={routing}
            pending={routing ? update.isPending : create.isPending}
            error={apiError(routing ? update.error : create.error)}
            onCancel={close}
            onSubmit={(v) =>
              routing ? update.mutate({ id: routing.id, name: v.name, steps: v.steps }) : create.mutate(v)
            }
          />
        )}
      </MasterDataDialog>
    </>
  );
}
