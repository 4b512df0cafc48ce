import { describe, expect, it } from 'vitest';
import { transitionRefusal } from './order-status.ts';

describe('order status transitions', () => {
  it('allows exactly the next step of the flow', () => {
    expect(transitionRefusal('entered', 'confirmed')).toBeNull();
    expect(transitionRefusal('confirmed', 'planned')).toBeNull();
    expect(transitionRefusal('planned', 'in_production')).toBeNull();
    expect(transitionRefusal('in_production', 'quality_release')).toBeNull();
    expect(transitionRefusal('quality_release', 'ready')).toBeNull();
    expect(transitionRefusal('ready', 'shipped')).toBeNull();
  });

  it('refuses jumps, steps back and leaving a closed order, saying which path is allowed', () => {
    expect(transitionRefusal('confirmed', 'ready')).toBe(
      'an order goes confirmed -> planned -> in_production -> quality_release -> ready; it cannot jump from confirmed to ready',
    );
    expect(transitionRefusal('ready', 'planned')).toContain('cannot go back');
    expect(transitionRefusal('cancelled', 'confirmed')).toBe('the order is cancelled');
    expect(transitionRefusal('shipped', 'ready')).toBe('the order is already shipped');
  });
});
