import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { installQuietRuntime } from '../test-support/quiet-runtime.ts';
// Recorded from a real run (UPDATE_HISTORY_FIXTURE=1 on the integration suite).
import history from './provision-tenant.history.json' with { type: 'json' };

const workflowsPath = new URL('./index.ts', import.meta.url).pathname;
const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

describe('provisionTenant workflow code', () => {
  let workflowBundle: { code: string };

  beforeAll(async () => {
    installQuietRuntime();
    // Bundling also proves the workflow code imports nothing the sandbox refuses (Node modules, @ingot/db).
    workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: silent });
  });

  it('replays a recorded history deterministically', async () => {
    await expect(Worker.runReplayHistory({ workflowBundle }, history)).resolves.toBeUndefined();
  });

  it('detects a history that the current code would not produce', async () => {
    // Drop the createFirstPlant scheduling: the code schedules it, the history does not.
    const tampered = structuredClone(history);
    const scheduled = tampered.events.filter(
      (e) => (e as { activityTaskScheduledEventAttributes?: unknown }).activityTaskScheduledEventAttributes,
    );
    const second = scheduled[1] as {
      activityTaskScheduledEventAttributes: { activityType: { name: string } };
    };
    second.activityTaskScheduledEventAttributes.activityType.name = 'somethingElse';
    await expect(Worker.runReplayHistory({ workflowBundle }, tampered)).rejects.toThrow(
      /[Nn]ondeterminism|DeterminismViolation/,
    );
  });
});
