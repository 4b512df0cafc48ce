'use client';

import { useI18n } from '../../i18n/i18n-provider.tsx';

/**
 * Deactivate an active row, activate an inactive one (items in use are never deleted). Disabled while any toggle
 * of the list is on its way.
 */
export function ActiveToggleButton(props: {
  row: { id: string; active: boolean };
  setActive: { mutate: (input: { id: string; active: boolean }) => void; isPending: boolean };
}) {
  const { t } = useI18n();
  const { row, setActive } = props;
  return (
    <button
      type="button"
      className="btn btn-sm"
      onClick={() => setActive.mutate({ id: row.id, active: !row.active })}
      disabled={setActive.isPending}
    >
      {row.active ? t('masterData.deactivate') : t('masterData.activate')}
    </button>
  );
}
