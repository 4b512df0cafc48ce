'use client';

import { Fragment, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';

/** One column of a master-data table: its header and what each row shows in it. */
export interface TMasterDataColumn<TRow> {
  id: string;
  header: ReactNode;
  cell: (row: TRow) => ReactNode;
  /** Right-aligned (header and cells). */
  numeric?: boolean;
  /** Classes of the body cells (mono, muted, …). */
  className?: string;
}

export interface TMasterDataTableProps<TRow extends { id: string }> {
  columns: readonly TMasterDataColumn<TRow>[];
  rowTestId: (row: TRow) => string;
  /** The buttons of the last column; without it there is no actions column. */
  rowActions?: ((row: TRow) => ReactNode) | undefined;
  /** A full-width row under a row (opened details); `id` lets a button name it in aria-controls. */
  rowDetail?: ((row: TRow) => { id: string; content: ReactNode } | null) | undefined;
}

const cellClass = (column: { numeric?: boolean; className?: string }) =>
  [column.numeric ? 'num' : null, column.className].filter(Boolean).join(' ') || undefined;

/** The table of a master-data list: header row, one row per item, an actions column when there are actions. */
export function MasterDataTable<TRow extends { id: string }>(
  props: TMasterDataTableProps<TRow> & { rows: readonly TRow[]; testId: string },
) {
  const { t } = useI18n();
  const { columns, rowActions, rowDetail } = props;
  const width = columns.length + (rowActions ? 1 : 0);
  return (
    <div className="table-wrap card">
      <table className="data" data-testid={props.testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.id} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
            {rowActions ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const detail = rowDetail?.(row) ?? null;
            return (
              <Fragment key={row.id}>
                <tr data-testid={props.rowTestId(row)}>
                  {columns.map((c) => (
                    <td key={c.id} className={cellClass(c)}>
                      {c.cell(row)}
                    </td>
                  ))}
                  {rowActions ? (
                    <td>
                      <div className="actions">{rowActions(row)}</div>
                    </td>
                  ) : null}
                </tr>
                {detail ? (
                  <tr id={detail.id}>
                    <td colSpan={width}>{detail.content}</td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
