'use client';

import { FormError } from '../../components/form-error.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';

/** What a master-data list says above its table: view-only, the list failed, a row action failed, nothing yet. */
export function MasterDataNotices(props: {
  readOnly: boolean;
  listError: unknown;
  /** A failed activate/deactivate (or other row action). */
  actionError?: unknown;
  empty: boolean;
}) {
  const { t } = useI18n();
  const apiError = useApiError();
  return (
    <>
      {props.readOnly ? <p className="notice">{t('masterData.readOnly')}</p> : null}
      {props.listError ? <p className="notice notice--error">{apiError(props.listError).formError}</p> : null}
      <FormError message={apiError(props.actionError).formError} />
      {props.empty ? <p className="notice">{t('masterData.empty')}</p> : null}
    </>
  );
}
