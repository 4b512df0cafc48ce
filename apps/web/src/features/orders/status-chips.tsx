'use client';

import { ORDER_STATUS_FLOW, type TOrderStatus } from '@ingot/contracts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { TMessageKey } from '../../i18n/messages.ts';

/** A status as a coloured chip; `kind` picks the vocabulary (order, work order, operation, lot, plan). */
export function StatusChip({
  kind,
  status,
  testId,
}: {
  kind: 'orderStatus' | 'workOrderStatus' | 'operationStatus' | 'lotStatus' | 'planStatus';
  status: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const key = `${kind}.${status}` as TMessageKey;
  return (
    <span className={`chip chip--${status}`} data-testid={testId} data-status={status}>
      {t(key) ?? status}
    </span>
  );
}

/**
 * The order's path entered -> ... -> shipped with the current step marked (an ordered list, so screen readers
 * hear "step 3 of 7"). A cancelled order shows the chip instead.
 */
export function OrderStatusStepper({ status }: { status: TOrderStatus }) {
  const { t } = useI18n();
  if (status === 'cancelled') return <StatusChip kind="orderStatus" status={status} testId="order-status" />;
  const at = ORDER_STATUS_FLOW.indexOf(status);
  return (
    <ol className="stepper" aria-label={t('prod.status')} data-testid="order-stepper">
      {ORDER_STATUS_FLOW.map((s, i) => (
        <li
          key={s}
          className={
            i < at
              ? 'stepper__step stepper__step--done'
              : i === at
                ? 'stepper__step stepper__step--current'
                : 'stepper__step'
          }
          aria-current={i === at ? 'step' : undefined}
        >
          {t(`orderStatus.${s}`)}
        </li>
      ))}
    </ol>
  );
}
