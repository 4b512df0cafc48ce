import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TTelemetryPoint } from '@ingot/contracts';
import { ZOpcuaSource } from '@ingot/contracts';
import type { OPCUACertificateManager } from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { startTestServer, type TestServer } from '../test-support/opcua-test-server.ts';
import { OpcuaSource } from './opcua-source.ts';
import { listRejected, openClientPki, trustCertificateFile } from './pki.ts';
import type { SourceSink, TSourceState } from './source.ts';

let dir: string;
let server: TestServer;
const pkis: OPCUACertificateManager[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ingot-opcua-'));
  server = await startTestServer({ dir, offerNone: true, users: { reader: 's3cret-pw' } });
  server.run(50);
});
afterAll(async () => {
  await server?.stop();
  for (const p of pkis) await p.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function recorder() {
  const points: TTelemetryPoint[] = [];
  const states: Array<{ state: TSourceState; error: string | null; kind?: 'security' }> = [];
  const sink: SourceSink = {
    points: (p) => points.push(...p),
    state: (state, error, kind) => states.push({ state, error, kind }),
  };
  return { points, states, sink };
}

async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function agentPki(name: string): Promise<{ dataDir: string; cm: OPCUACertificateManager }> {
  const dataDir = path.join(dir, name);
  const cm = await openClientPki(dataDir);
  pkis.push(cm);
  return { dataDir, cm };
}

const sourceConfig = (extra: Record<string, unknown> = {}) =>
  ZOpcuaSource.parse({
    id: 'cm1',
    kind: 'opcua',
    endpointUrl: server.endpointUrl,
    publishingIntervalMs: 100,
    samplingIntervalMs: 50,
    tags: [
      { nodeId: 'ns=1;s=CM1.Seq', equipment: 'CM-1', tag: 'seq' },
      { nodeId: 'ns=1;s=CM1.SpeedSp', equipment: 'CM-1', tag: 'speed_sp' },
    ],
    ...extra,
  });

describe('OPC UA source against a real node-opcua server', () => {
  it('rejects an untrusted server certificate, files it in rejected/, and connects once trusted', async () => {
    const { dataDir, cm } = await agentPki('agent-untrusted');
    const r = recorder();
    const source = new OpcuaSource(
      sourceConfig(),
      { certificateManager: cm, applicationName: 'test', log: silentLogger, allowSecurityNone: false },
      r.sink,
    );
    await source.start();
    await until(() => r.states.some((s) => s.state === 'error'), 20_000, 'the connection to be refused');
    const refused = r.states.find((s) => s.state === 'error');
    expect(refused?.kind).toBe('security');
    expect(r.points).toHaveLength(0);
    await until(() => listRejected(dataDir).length > 0, 5000, 'the server certificate in rejected/');
    await source.stop();
    await cm.dispose();
    pkis.splice(pkis.indexOf(cm), 1);

    const [rejected] = listRejected(dataDir);
    trustCertificateFile(dataDir, rejected ?? '');
    const cm2 = (await agentPki('agent-untrusted')).cm; // re-read trusted/
    const r2 = recorder();
    const trusted = new OpcuaSource(
      sourceConfig(),
      { certificateManager: cm2, applicationName: 'test', log: silentLogger, allowSecurityNone: false },
      r2.sink,
    );
    await trusted.start();
    await until(() => r2.points.filter((p) => p.tag === 'seq').length >= 3, 20_000, 'values after trusting');
    expect(trusted.status().state).toBe('connected');
    const seqs = r2.points.filter((p) => p.tag === 'seq').map((p) => p.value as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(r2.points[0]).toMatchObject({ equipment: 'CM-1', quality: 'good' });
    await trusted.stop();
  });

  it('logs in with a username, polls, and writes a value', async () => {
    const dataDir = path.join(dir, 'agent-user');
    trustCertificateFile(dataDir, server.certificateFile);
    const cm2 = (await agentPki('agent-user')).cm;
    const r = recorder();
    const source = new OpcuaSource(
      sourceConfig({
        mode: 'poll',
        pollIntervalMs: 100,
        auth: { type: 'username', username: 'reader', password: 's3cret-pw' },
      }),
      { certificateManager: cm2, applicationName: 'test', log: silentLogger, allowSecurityNone: false },
      r.sink,
    );
    await source.start();
    await until(() => r.points.filter((p) => p.tag === 'seq').length >= 3, 20_000, 'polled values');
    await source.write('CM-1', 'speed_sp', 42.5);
    expect(server.setpoint()).toBe(42.5);
    await source.stop();

    const bad = recorder();
    const wrong = new OpcuaSource(
      sourceConfig({ auth: { type: 'username', username: 'reader', password: 'wrong' } }),
      { certificateManager: cm2, applicationName: 'test', log: silentLogger, allowSecurityNone: false },
      bad.sink,
    );
    await wrong.start();
    await until(() => bad.states.some((s) => s.state === 'error'), 20_000, 'a refused login');
    expect(bad.points).toHaveLength(0);
    await wrong.stop();
  });

  it('refuses security mode None unless the local policy allows it', async () => {
    const dataDir = path.join(dir, 'agent-none');
    trustCertificateFile(dataDir, server.certificateFile);
    const { cm } = await agentPki('agent-none');
    const none = sourceConfig({ securityMode: 'None', securityPolicy: 'None' });
    const refused = recorder();
    const a = new OpcuaSource(
      none,
      { certificateManager: cm, applicationName: 'test', log: silentLogger, allowSecurityNone: false },
      refused.sink,
    );
    await a.start();
    await until(() => refused.states.some((s) => s.state === 'error'), 5000, 'the refusal');
    expect(refused.states.find((s) => s.state === 'error')).toMatchObject({
      kind: 'security',
      error: expect.stringMatching(/security mode None is refused/),
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(refused.points).toHaveLength(0);
    await a.stop();

    const allowed = recorder();
    const b = new OpcuaSource(
      none,
      { certificateManager: cm, applicationName: 'test', log: silentLogger, allowSecurityNone: true },
      allowed.sink,
    );
    await b.start();
    await until(() => allowed.points.length >= 3, 20_000, 'values over security mode None when allowed');
    await b.stop();
  });

  it('reconnects and resubscribes after the server restarts', async () => {
    const restartDir = path.join(dir, 'restart');
    let s1 = await startTestServer({ dir: restartDir });
    const port = s1.port;
    s1.run(50);
    const dataDir = path.join(dir, 'agent-restart');
    trustCertificateFile(dataDir, s1.certificateFile);
    const { cm } = await agentPki('agent-restart');
    const r = recorder();
    const source = new OpcuaSource(
      ZOpcuaSource.parse({ ...sourceConfig(), endpointUrl: s1.endpointUrl }),
      { certificateManager: cm, applicationName: 'test', log: silentLogger, allowSecurityNone: false },
      r.sink,
    );
    await source.start();
    await until(
      () => r.points.filter((p) => p.tag === 'seq').length >= 5,
      20_000,
      'values before the restart',
    );
    for (let i = 0; i < 40; i++) s1.tick(); // counter well above what the new server will count to
    await until(() => r.points.some((p) => p.tag === 'seq' && (p.value as number) >= 40), 10_000, 'the jump');
    await s1.stop();
    await until(() => source.status().state !== 'connected', 20_000, 'the loss to be noticed');
    s1 = await startTestServer({ dir: restartDir, port });
    s1.run(50);
    const before = r.points.length;
    // The new server counts from 1 again: values below 40 after the restart prove a working subscription.
    await until(
      () => r.points.slice(before).filter((p) => p.tag === 'seq' && (p.value as number) < 40).length >= 5,
      60_000,
      'values from the restarted server',
    );
    expect(source.status().state).toBe('connected');
    await source.stop();
    await s1.stop();
  });

  it('logs in with an X.509 user certificate', async () => {
    const dataDir = path.join(dir, 'agent-x509');
    trustCertificateFile(dataDir, server.certificateFile);
    const { cm } = await agentPki('agent-x509');
    const cert = path.join(dir, 'user-cert.pem');
    const key = path.join(dir, 'user-key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=ingot-reader',
        '-addext',
        'keyUsage=critical,digitalSignature,nonRepudiation,keyEncipherment,dataEncipherment',
        '-addext',
        'extendedKeyUsage=clientAuth',
        '-addext',
        'subjectAltName=URI:urn:ingot:user:reader',
      ],
      // node-opcua sets OPENSSL_CONF to "undefined" in this process: give openssl its default.
      { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH } },
    );
    const r = recorder();
    const source = new OpcuaSource(
      sourceConfig({ auth: { type: 'certificate', certificateFile: cert, privateKeyFile: key } }),
      { certificateManager: cm, applicationName: 'test', log: silentLogger, allowSecurityNone: false },
      r.sink,
    );
    await source.start();
    await until(
      () => r.points.length >= 3 || r.states.some((s) => s.state === 'error'),
      20_000,
      'values or an error',
    );
    expect(r.states.filter((s) => s.state === 'error')).toEqual([]);
    expect(source.status().state).toBe('connected');
    await source.stop();
  });
});
