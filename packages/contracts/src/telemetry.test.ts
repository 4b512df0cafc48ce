import { describe, expect, it } from 'vitest';
import {
  batchDedupToken,
  commandTopic,
  decodeMessage,
  MAX_MESSAGE_BYTES,
  MAX_POINTS_PER_BATCH,
  parseTopic,
  statusTopic,
  TopicError,
  telemetryTopic,
  topicFilter,
  ZSourcesConfig,
  ZTelemetryBatch,
  ZTelemetryCommand,
  ZTelemetryStatus,
} from './telemetry.ts';

const address = { tenant: 'demo-alu', plant: 'RP', connector: 'edge-01' };
const ts = Date.UTC(2026, 10, 29, 12, 0, 0);
const point = { equipment: 'CM-1', tag: 'exit_thickness', ts, value: 1.205, quality: 'good' as const };

describe('telemetry topics', () => {
  it('builds and parses the topics of one connector', () => {
    expect(telemetryTopic(address)).toBe('ingot/v1/demo-alu/RP/edge-01/telemetry');
    expect(commandTopic(address)).toBe('ingot/v1/demo-alu/RP/edge-01/cmd');
    expect(parseTopic(statusTopic(address))).toEqual({ ok: true, topic: { ...address, kind: 'status' } });
    expect(topicFilter('telemetry')).toBe('ingot/v1/+/+/+/telemetry');
    expect(topicFilter('alarm', 'demo-alu')).toBe('ingot/v1/demo-alu/+/+/alarm');
  });

  it('refuses wildcards, slashes and $ in a level, naming the level', () => {
    expect(() => telemetryTopic({ ...address, tenant: '#' })).toThrow(TopicError);
    expect(() => telemetryTopic({ ...address, plant: 'a/b' })).toThrow(/plant/);
    expect(() => telemetryTopic({ ...address, connector: '+' })).toThrow(/connector/);
    expect(() => telemetryTopic({ ...address, tenant: '$SYS' })).toThrow(/tenant/);
  });

  it('says what is wrong with a bad topic', () => {
    const bad: Array<[string, RegExp]> = [
      ['ingot/v1/demo-alu/RP/edge-01', /6 levels/],
      ['other/v1/demo-alu/RP/edge-01/telemetry', /start with/],
      ['ingot/v2/demo-alu/RP/edge-01/telemetry', /version/],
      ['ingot/v1/+/RP/edge-01/telemetry', /tenant/],
      ['ingot/v1/demo-alu/RP/edge-01/secrets', /unknown topic kind/],
      ['', /empty/],
    ];
    for (const [topic, error] of bad) {
      const r = parseTopic(topic);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(error);
    }
  });
});

describe('telemetry batch', () => {
  const batch = { v: 1, connectorId: 'edge-01', batchSeq: 42, createdAt: ts, points: [point] };

  it('accepts a valid batch and gives the dedup token', () => {
    const r = ZTelemetryBatch.parse(batch);
    expect(batchDedupToken(r)).toBe('edge-01:42');
  });

  it('enforces the point limit and names the wrong field', () => {
    const big = { ...batch, points: Array.from({ length: MAX_POINTS_PER_BATCH + 1 }, () => point) };
    expect(ZTelemetryBatch.safeParse(big).success).toBe(false);
    const r = decodeMessage(
      ZTelemetryBatch,
      JSON.stringify({ ...batch, points: [point, { ...point, ts: ts / 1000 }] }),
    );
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^points\.1\.ts: .*milliseconds/) });
    const extra = decodeMessage(ZTelemetryBatch, JSON.stringify({ ...batch, tenant: 'someone-else' }));
    expect(extra.ok).toBe(false);
  });

  it('checks the byte limit before parsing and refuses malformed JSON', () => {
    const huge = `{"pad":"${'x'.repeat(MAX_MESSAGE_BYTES)}"}`;
    expect(decodeMessage(ZTelemetryBatch, huge)).toEqual({
      ok: false,
      error: expect.stringMatching(/over the limit/),
    });
    expect(decodeMessage(ZTelemetryBatch, '{"v":1,')).toEqual({
      ok: false,
      error: expect.stringMatching(/JSON/),
    });
    expect(decodeMessage(ZTelemetryBatch, new TextEncoder().encode(JSON.stringify(batch))).ok).toBe(true);
  });

  it('refuses non-finite numbers and a null value outside quality bad is still typed', () => {
    expect(ZTelemetryBatch.safeParse({ ...batch, points: [{ ...point, value: Number.NaN }] }).success).toBe(
      false,
    );
    expect(
      ZTelemetryBatch.safeParse({ ...batch, points: [{ ...point, value: null, quality: 'bad' }] }).success,
    ).toBe(true);
  });
});

describe('status and commands', () => {
  it('parses heartbeat and last will', () => {
    const hb = {
      v: 1,
      kind: 'heartbeat',
      connectorId: 'edge-01',
      ts,
      version: '0.1.0',
      uptimeS: 12.5,
      configVersion: 'abc',
      spool: {
        depthBatches: 0,
        depthPoints: 0,
        bytes: 0,
        maxBytes: 1 << 20,
        oldestAt: null,
        droppedPoints: 0,
        droppedBatches: 0,
        nextBatchSeq: 7,
      },
      lagMs: 0,
      pointsPerS: 10,
      publishedPerS: 10,
      sources: [],
    };
    expect(ZTelemetryStatus.parse(hb).kind).toBe('heartbeat');
    expect(ZTelemetryStatus.parse({ v: 1, kind: 'offline', connectorId: 'edge-01', since: ts }).kind).toBe(
      'offline',
    );
  });

  it('parses commands and names an unknown type', () => {
    const write = {
      v: 1,
      id: 'c1',
      issuedAt: ts,
      type: 'write',
      equipment: 'CM-1',
      tag: 'speed_sp',
      value: 5,
    };
    expect(ZTelemetryCommand.parse(write).type).toBe('write');
    const r = decodeMessage(ZTelemetryCommand, JSON.stringify({ ...write, type: 'format-disk' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/type/);
  });

  it('validates a pushed configuration: duplicate tag mapping and security mode mismatch', () => {
    const source = {
      id: 'cm1',
      kind: 'opcua',
      endpointUrl: 'opc.tcp://10.0.0.5:4840',
      tags: [{ nodeId: 'ns=1;s=A', equipment: 'CM-1', tag: 'a' }],
    };
    expect(ZSourcesConfig.parse({ sources: [source] }).sources[0]).toMatchObject({
      securityMode: 'SignAndEncrypt',
      securityPolicy: 'Basic256Sha256',
    });
    const dup = ZSourcesConfig.safeParse({ sources: [source, { ...source, id: 'cm1b' }] });
    expect(dup.error?.issues.map((i) => i.path.join('.'))).toEqual(['sources.1.tags.0.tag']);
    const mismatch = ZSourcesConfig.safeParse({ sources: [{ ...source, securityMode: 'None' }] });
    expect(mismatch.error?.issues[0]?.path.join('.')).toBe('sources.0.securityPolicy');
  });
});
