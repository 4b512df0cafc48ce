'use client';

import { useI18n } from '../../i18n/i18n-provider.tsx';

/** A row's code, followed by an "inactive" badge when it has been deactivated. */
export function CodeWithStatus({ code, active }: { code: string; active: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {code} {active ? null : <span className="badge">{t('masterData.inactive')}</span>}
    </>
  );
}
