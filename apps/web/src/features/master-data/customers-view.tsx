'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { ActiveToggleButton } from './active-toggle-button.tsx';
import { CodeWithStatus } from './code-with-status.tsx';
import { CustomerForm } from './customer-form.tsx';
import { EditRowButton } from './edit-row-button.tsx';
import { IncludeInactiveFilter } from './include-inactive-filter.tsx';
import { MasterDataDialog } from './master-data-dialog.tsx';
import { MasterDataList } from './master-data-list.tsx';
import { SearchFilter } from './search-filter.tsx';
import type { TCustomer } from './types.ts';
import { useEditDialog } from './use-edit-dialog.ts';
import { useManageAccess } from './use-manage-access.ts';

/** Customers with contacts; search, create, edit, deactivate (customers with orders are never deleted). */
export function CustomersView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const access = useManageAccess('masterData.manage');
  const [search, setSearch] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const customers = useQuery(
    trpc.masterData.customer.list.queryOptions({ ...(search ? { search } : {}), includeInactive }),
  );
  const dialog = useEditDialog<TCustomer>(trpc.masterData.customer.pathKey());
  const onSuccess = dialog.afterSave;
  const create = useMutation(trpc.masterData.customer.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.masterData.customer.update.mutationOptions({ onSuccess }));
  const setActive = useMutation(trpc.masterData.customer.setActive.mutationOptions({ onSuccess }));
  const close = () => dialog.close(create, update);

  return (
    <>
      <MasterDataList
        kind="customer"
        access={access}
        newLabel={t('masterData.newCustomer')}
        onNew={dialog.openCreate}
        onSearch={setSearch}
        filters={
          <>
            <SearchFilter value={search} />
            <IncludeInactiveFilter checked={includeInactive} onChange={setIncludeInactive} />
          </>
        }
        list={customers}
        actionError={setActive.error}
        rowTestId={(c) => `customer-${c.code}`}
        columns={[
          {
            id: 'code',
            header: t('common.code'),
            className: 'mono',
            cell: (c) => <CodeWithStatus code={c.code} active={c.active} />,
          },
          { id: 'name', header: t('common.name'), cell: (c) => c.name },
          { id: 'country', header: t('masterData.country'), cell: (c) => c.country },
          { id: 'person', header: t('masterData.contactPerson'), cell: (c) => c.contact.person || '—' },
          { id: 'phone', header: t('masterData.contactPhone'), cell: (c) => c.contact.phone || '—' },
          {
            id: 'partner',
            header: t('masterData.partnerPortal'),
            cell: (c) => (c.partnershipId ? '✓' : '—'),
          },
        ]}
        rowActions={
          access.canManage
            ? (c) => (
                <>
                  <EditRowButton onClick={() => dialog.openEdit(c)} />
                  <ActiveToggleButton row={c} setActive={setActive} />
                </>
              )
            : undefined
        }
      />
      <MasterDataDialog
        kind="customer"
        target={dialog.target}
        titles={{ create: t('masterData.newCustomer'), edit: t('masterData.editCustomer') }}
        onClose={close}
      >
        {(customer) => (
          <CustomerForm
            initial={customer}
            pending={customer ? update.isPending : create.isPending}
            error={apiError(customer ? update.error : create.error)}
            onCancel={close}
            onSubmit={(v) => (customer ? update.mutate({ id: customer.id, ...v }) : create.mutate(v))}
          />
        )}
      </MasterDataDialog>
    </>
  );
}
