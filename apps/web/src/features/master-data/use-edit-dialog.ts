'use client';

import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/** What the create/edit dialog is open for: nothing, a new item, or one row. */
export type TEditTarget<TRow> = { kind: 'create' } | { kind: 'edit'; row: TRow } | null;

/** The create/edit dialog of a master-data list, and what happens after a save (refetch the list, close). */
export function useEditDialog<TRow>(listKey: QueryKey) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<TEditTarget<TRow>>(null);
  return {
    target,
    openCreate: () => setTarget({ kind: 'create' }),
    openEdit: (row: TRow) => setTarget({ kind: 'edit', row }),
    /** onSuccess of every mutation of the list (an activate toggle too: closing a closed dialog is harmless). */
    afterSave: async () => {
      await queryClient.invalidateQueries({ queryKey: listKey });
      setTarget(null);
    },
    /** Cancel or Escape: the mutations' last errors are forgotten so the next opening starts clean. */
    close: (...mutations: { reset: () => void }[]) => {
      setTarget(null);
      for (const m of mutations) m.reset();
    },
  };
}
