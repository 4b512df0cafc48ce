'use client';

import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { text } from './form-values.ts';

/**
 * The row of filters above a master-data table with its buttons. With `onSearch` it is a form: the search button
 * (or Enter) hands over the text of its `q` input. `newItem` is the "+ new …" button (left out for viewers).
 */
export function MasterDataFilterBar(props: {
  children: ReactNode;
  onSearch?: ((search: string) => void) | undefined;
  newItem?: { label: string; testId: string; onClick: () => void } | null | undefined;
}) {
  const { t } = useI18n();
  const { onSearch, newItem } = props;
  const buttons =
    onSearch || newItem ? (
      <div className="filters__buttons">
        {onSearch ? (
          <button type="submit" className="btn">
            {t('prod.search')}
          </button>
        ) : null}
        {newItem ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={newItem.onClick}
            data-testid={newItem.testId}
          >
            + {newItem.label}
          </button>
        ) : null}
      </div>
    ) : null;
  if (!onSearch)
    return (
      <div className="filters">
        {props.children}
        {buttons}
      </div>
    );
  return (
    <form
      className="filters"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text(new FormData(e.currentTarget).get('q')));
      }}
    >
      {props.children}
      {buttons}
    </form>
  );
}
