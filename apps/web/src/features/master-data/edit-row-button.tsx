'use client';

import { useI18n } from '../../i18n/i18n-provider.tsx';

/** Opens a row's edit dialog. */
export function EditRowButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="btn btn-sm" onClick={onClick}>
      {t('common.edit')}
    </button>
  );
}
