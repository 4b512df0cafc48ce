import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { MAX_MESSAGE_BYTES } from '@ingot/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/load-config.ts';
import { Spool } from '../spool/spool.ts';
import { main } from './cli.ts';

const dirs: string[] = [];
function temp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'ingot-cli-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

/** The smallest spool a configuration may have. */
const SPOOL_BYTES = 4 * MAX_MESSAGE_BYTES;

function writeConfig(dir: string): string {
  const file = path.join(dir, 'config.yaml');
  writeFileSync(
    file,
    `connector: { id: edge-01, tenant: demo-alu, plant: RP }
dataDir: ./data
mqtt: { url: "mqtt://127.0.0.1:1883" }
spool: { maxBytes: ${SPOOL_BYTES} }
sources:
  - id: meters
    kind: modbus
    host: 127.0.0.1
    tags: [{ equipment: EM-1, tag: kwh, address: 0, type: float32 }]
`,
  );
  return file;
}

describe('ingot-connector CLI', () => {
  it('install --systemd writes a hardened unit for an unprivileged user into the target dir', async () => {
    const dir = temp();
    const config = writeConfig(dir);
    const c = capture();
    const target = path.join(dir, 'units');
    expect(
      await main(
        [
          'install',
          '--systemd',
          '--target-dir',
          target,
          '--config',
          config,
          '--exec',
          '/usr/bin/ingot-connector',
        ],
        c.io,
      ),
    ).toBe(0);
    const unit = readFileSync(path.join(target, 'ingot-connector.service'), 'utf8');
    expect(unit).toMatch(/^User=ingot-connector$/m);
    expect(unit).toMatch(/^NoNewPrivileges=yes$/m);
    expect(unit).toMatch(/^ProtectSystem=strict$/m);
    expect(unit).toMatch(/^CapabilityBoundingSet=$/m);
    expect(unit).toContain(`ReadWritePaths=${path.join(dir, 'data')}`);
    expect(unit).toContain(`ExecStart=/usr/bin/ingot-connector run --config ${config}`);
    expect(c.out[0]).toBe(`wrote ${path.join(target, 'ingot-connector.service')}`);
    await expect(
      main(['install', '--systemd', '--target-dir', target, '--config', config, '--user', 'root'], c.io),
    ).rejects.toThrow(/unprivileged/);
    await expect(main(['install', '--config', config], c.io)).rejects.toThrow(/--systemd/);
  });

  it('validate names the wrong key; status prints spool depth, lag and drops from the data directory', async () => {
    const dir = temp();
    const config = writeConfig(dir);
    const c = capture();
    expect(await main(['validate', '--config', config], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/valid \(connector edge-01, 1 sources, 1 tags\)/);

    writeFileSync(
      path.join(dir, 'bad.yaml'),
      readFileSync(config, 'utf8').replace('type: float32', 'type: double'),
    );
    const bad = await main(['validate', '--config', path.join(dir, 'bad.yaml')], c.io).catch(
      (e: unknown) => e,
    );
    expect(bad).toBeInstanceOf(ConfigError);
    expect((bad as ConfigError).problems[0]).toMatch(/^sources\.0\.tags\.0\.type \(line 9\): must be one of/);

    expect(await main(['status', '--config', config], c.io)).toBe(3);
    mkdirSync(path.join(dir, 'data'), { recursive: true });
    const spool = new Spool({
      file: path.join(dir, 'data', 'spool.db'),
      connectorId: 'edge-01',
      maxBytes: SPOOL_BYTES,
    });
    const ts = Date.now() - 5000;
    spool.append([{ equipment: 'EM-1', tag: 'kwh', ts, value: 1, quality: 'good' }], ts);
    spool.append([{ equipment: 'EM-1', tag: 'kwh', ts, value: 2, quality: 'good' }], ts);
    spool.close();
    const s = capture();
    expect(await main(['status', '--config', config], s.io)).toBe(0);
    const text = s.out.join('\n');
    expect(text).toMatch(/agent\s+not running/);
    expect(text).toMatch(/spool\s+2 batches, 2 points/);
    expect(text).toMatch(/lag\s+\d+\.\d s/);
    expect(text).toMatch(/next seq\s+2/);
    const j = capture();
    await main(['status', '--config', config, '--json'], j.io);
    expect(JSON.parse(j.out.join('\n'))).toMatchObject({
      running: false,
      spool: { depthBatches: 2, nextBatchSeq: 2 },
    });
  });

  it('the bin runs from the package (tsx in the monorepo) and exits 2 with the problem on a bad configuration', async () => {
    const bin = path.resolve(import.meta.dirname, '../../bin/ingot-connector.mjs');
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [bin, '--version'], { timeout: 30_000 });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const dir = temp();
    writeFileSync(path.join(dir, 'c.yaml'), 'connector: { id: "bad id", tenant: t, plant: p }\n');
    const failed = await run(process.execPath, [bin, 'validate', '--config', path.join(dir, 'c.yaml')], {
      timeout: 30_000,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/connector\.id \(line 1\): may contain only/),
    });
  }, 60_000);
});
