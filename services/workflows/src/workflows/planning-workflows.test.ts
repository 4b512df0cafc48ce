import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { installQuietRuntime } from '../test-support/quiet-runtime.ts';
// Recorded from real runs (UPDATE_HISTORY_FIXTURE=1 on src/plan-production.integration.test.ts).
import orderHistory from './order-lifecycle.history.json' with { type: 'json' };
import planHistory from './plan-production.history.json' with { type: 'json' };

const workflowsPath = new URL('./index.ts', import.meta.url).pathname;
const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

type THistoryEvent = Record<string, unknown> & { eventType?: string };

describe('planProduction and orderLifecycle workflow code', () => {
  let workflowBundle: { code: string };

  beforeAll(async () => {
    installQuietRuntime();
    workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: silent });
  });

  it('replays a recorded orderLifecycle history (entered -> shipped) deterministically', async () => {
    await expect(Worker.runReplayHistory({ workflowBundle }, orderHistory)).resolves.toBeUndefined();
  });

  it('replays a recorded planProduction history (signal, solve, cancel) deterministically', async () => {
    await expect(Worker.runReplayHistory({ workflowBundle }, planHistory)).resolves.toBeUndefined();
  });

  it('detects an orderLifecycle history the current code would not produce', async () => {
    const tampered = structuredClone(orderHistory) as { events: THistoryEvent[] };
    const scheduled = tampered.events.filter((e) => e.activityTaskScheduledEventAttributes);
    const first = scheduled[0] as {
      activityTaskScheduledEventAttributes: { activityType: { name: string } };
    };
    first.activityTaskScheduledEventAttributes.activityType.name = 'somethingElse';
    await expect(Worker.runReplayHistory({ workflowBundle }, tampered)).rejects.toThrow(
      /[Nn]ondeterminism|DeterminismViolation/,
    );
  });
});
