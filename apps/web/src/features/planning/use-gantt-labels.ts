'use client';

import type { TGanttLabels } from '@ingot/ui';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';

/** The Gantt chart's texts in the portal's language. */
export function useGanttLabels(): TGanttLabels {
  const { t } = useI18n();
  return useMemo(
    () => ({
      chart: t('gantt.chart'),
      machine: t('gantt.machine'),
      zoomIn: t('gantt.zoomIn'),
      zoomOut: t('gantt.zoomOut'),
      zoom: (px) => t('gantt.zoom', { px }),
      instructions: t('gantt.instructions'),
      setup: t('gantt.setup'),
      batch: (count) => t('gantt.batch', { count }),
      locked: t('gantt.locked'),
      late: t('gantt.late'),
      unavailable: t('gantt.unavailable'),
      now: t('gantt.now'),
      noRows: t('gantt.noRows'),
      moving: (item, row, time) => t('gantt.moving', { item, row, time }),
      pickedUp: (item) => t('gantt.pickedUp', { item }),
      cancelled: t('gantt.cancelled'),
      notEligible: t('gantt.notEligible'),
      lockedCannotMove: t('gantt.lockedCannotMove'),
      lockToggled: (item, locked) => t(locked ? 'gantt.lockedOn' : 'gantt.lockedOff', { item }),
    }),
    [t],
  );
}
