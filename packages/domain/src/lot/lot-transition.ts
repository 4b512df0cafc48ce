import { isLotTransitionAllowed, LOT_TRANSITIONS, type TLotStatus } from '@ingot/contracts';
import { DomainError } from '../errors/domain-error.ts';

/** Refuses a status change the lot's life cycle does not allow (CONFLICT on `field`, naming both statuses). */
export function assertLotTransition(
  lot: { lotNo: string; status: TLotStatus },
  to: TLotStatus,
  field: string,
): void {
  if (isLotTransitionAllowed(lot.status, to)) return;
  const allowed = LOT_TRANSITIONS[lot.status];
  throw new DomainError(
    'CONFLICT',
    `lot ${lot.lotNo} is ${lot.status} and cannot become ${to}` +
      (allowed.length > 0 ? ` (from ${lot.status}: ${allowed.join(', ')})` : ` (${lot.status} is final)`),
    field,
    { reason: 'invalid_transition' },
  );
}

/** Statuses a lot may be taken from into a split, merge, transform or operation. */
const USABLE: readonly TLotStatus[] = ['available', 'released'];

/**
 * Refuses to use a lot as input unless it is available or released — or, when the use belongs to the operation
 * that took the lot in, in process. A lot on hold is blocked by quality until released.
 */
export function assertLotUsable(
  lot: { lotNo: string; status: TLotStatus },
  field: string,
  opts: { allowInProcess?: boolean } = {},
): void {
  if (USABLE.includes(lot.status)) return;
  if (opts.allowInProcess && lot.status === 'in_process') return;
  const why =
    lot.status === 'on_hold'
      ? 'it is on hold; release it first'
      : lot.status === 'in_process'
        ? 'it is in process on an operation; finish that operation instead'
        : `it is ${lot.status}`;
  throw new DomainError('CONFLICT', `lot ${lot.lotNo} cannot be used: ${why}`, field, {
    reason: 'lot_not_usable',
  });
}

/** Kilogram comparisons tolerate float noise of a gram. */
export const WEIGHT_EPSILON_KG = 0.001;

export function formatKg(kg: number): string {
  return `${Math.round(kg * 1000) / 1000} kg`;
}
