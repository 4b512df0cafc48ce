'use client';

import type { ReactNode } from 'react';
import { MasterDataFilterBar } from './master-data-filter-bar.tsx';
import { MasterDataNotices } from './master-data-notices.tsx';
import { MasterDataTable, type TMasterDataTableProps } from './master-data-table.tsx';
import type { TManageAccess } from './use-manage-access.ts';

interface TMasterDataListProps<TRow extends { id: string }> extends TMasterDataTableProps<TRow> {
  /** Names the test ids `new-${kind}` and `${kind}-table`. */
  kind: string;
  access: TManageAccess;
  /** The filter fields (family, search, include inactive, …). */
  filters: ReactNode;
  /** Given when `filters` hold a SearchFilter: the bar becomes a form with a search button. */
  onSearch?: ((search: string) => void) | undefined;
  newLabel: string;
  onNew: () => void;
  list: { data?: readonly TRow[] | undefined; error: unknown };
  /** The last failed row action (activate/deactivate). */
  actionError?: unknown;
}

/**
 * One master-data page's list: filter bar with the "new" button (managers only), the notices (view-only, errors,
 * empty), and the table once there are rows.
 */
export function MasterDataList<TRow extends { id: string }>(props: TMasterDataListProps<TRow>) {
  const { kind, access, list, filters, onSearch, newLabel, onNew, actionError, ...table } = props;
  const rows = list.data;
  return (
    <>
      <MasterDataFilterBar
        onSearch={onSearch}
        newItem={access.canManage ? { label: newLabel, testId: `new-${kind}`, onClick: onNew } : null}
      >
        {filters}
      </MasterDataFilterBar>
      <MasterDataNotices
        readOnly={access.readOnly}
        listError={list.error}
        actionError={actionError}
        empty={rows?.length === 0}
      />
      {rows && rows.length > 0 ? <MasterDataTable {...table} rows={rows} testId={`${kind}-table`} /> : null}
    </>
  );
}
