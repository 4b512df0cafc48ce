'use client';

import { useAccess } from '../use-access.ts';

export interface TManageAccess {
  /** The member may create, edit and (de)activate: the "new" button and row actions show. */
  canManage: boolean;
  /** Known to be view-only (false while the grants load, so the notice never flashes for managers). */
  readOnly: boolean;
}

/** Whether the member may manage one kind of master data (the API enforces it; the page only hides buttons). */
export function useManageAccess(action: 'masterData.manage' | 'routing.manage'): TManageAccess {
  const access = useAccess();
  const canManage = access.can(action);
  return { canManage, readOnly: !access.loading && !canManage };
}
