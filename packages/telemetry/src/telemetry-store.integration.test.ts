import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createChdbConnection } from 'chdb/connection';
import { afterAll, describe, expect, it } from 'vitest';
import { ChdbDirectoryInUseError, openChdbDirectory, openChdbExecutor } from './chdb-executor.ts';
import { ClickHouseTelemetryStore } from './clickhouse-telemetry-store.ts';
import { openTelemetryStore } from './open-telemetry-store.ts';
import { openServerExecutor, type ServerExecutorConfig } from './server-executor.ts';
import { describeTelemetryStoreContract } from './telemetry-store.contract.ts';

// One chDB data directory for this whole test process: the engine allows only one per process.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingot-telemetry-test-'));
const uniqueDb = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

afterAll(() => {
  if (!openChdbDirectory()) fs.rmSync(dataDir, { recursive: true, force: true });
});

describeTelemetryStoreContract('chDB (embedded)', async () => {
  const db = uniqueDb('contract');
  const exec = openChdbExecutor(dataDir);
  const store = new ClickHouseTelemetryStore(exec, db, 365);
  return {
    store,
    exec,
    db,
    cleanup: async () => {
      await exec.command(`DROP DATABASE IF EXISTS ${db}`);
      await store.close();
    },
  };
});

// chdb/connection implements @clickhouse/client's Connection but types it against the deprecated
// @clickhouse/client-common package, so its declared type differs from the client's own.
const inProcessConnection = () =>
  createChdbConnection({ path: dataDir }) as unknown as ServerExecutorConfig['connection'];

// The server backend's code (its @clickhouse/client calls: parameters, settings, JSON) over chDB's in-process
// Connection for @clickhouse/client. NOT a ClickHouse server: no HTTP, same engine as above. The contract
// against a real server is the next block.
describeTelemetryStoreContract(
  'server backend code over chDB in-process Connection (no HTTP server)',
  async () => {
    const db = uniqueDb('contract_client');
    const exec = openChdbExecutor(dataDir);
    const store = new ClickHouseTelemetryStore(
      openServerExecutor({
        url: 'http://in-process.invalid',
        connection: inProcessConnection(),
      }),
      db,
      365,
    );
    expect(store.backend).toBe('server');
    return {
      store,
      exec,
      db,
      cleanup: async () => {
        await exec.command(`DROP DATABASE IF EXISTS ${db}`);
        await store.close();
        await exec.close();
      },
    };
  },
);

// The server backend's contract: registered only when a ClickHouse server is configured.
const clickhouseUrl = process.env.CLICKHOUSE_URL;
if (clickhouseUrl) {
  describeTelemetryStoreContract(`ClickHouse server at ${new URL(clickhouseUrl).host}`, async () => {
    const db = uniqueDb('ingot_telemetry_contract');
    const config = {
      url: clickhouseUrl,
      username: process.env.CLICKHOUSE_USER,
      password: process.env.CLICKHOUSE_PASSWORD,
    };
    const exec = openServerExecutor(config);
    const store = new ClickHouseTelemetryStore(openServerExecutor(config), db, 365);
    return {
      store,
      exec,
      db,
      cleanup: async () => {
        await exec.command(`DROP DATABASE IF EXISTS ${db}`);
        await exec.close();
        await store.close();
      },
    };
  });
}

describe('chDB backend: one session per process', () => {
  it('shares one session between stores on the same directory and refuses a second directory by name', async () => {
    const db = uniqueDb('sharing');
    const a = openTelemetryStore({ backend: 'chdb', dataDir, database: db });
    const b = openTelemetryStore({ backend: 'chdb', dataDir: `${dataDir}/.`, database: db });
    await a.ensureSchema();
    await a.insertPoints(
      't1',
      [
        {
          plantId: 'p',
          connectorId: 'c',
          equipment: 'e',
          tag: 'x',
          ts: Date.now() - 1000,
          value: 3,
          quality: 'good',
        },
      ],
      { dedupToken: 'c:1' },
    );
    expect((await b.latest('t1')).map((l) => l.value)).toEqual([3]);

    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'ingot-telemetry-other-'));
    try {
      expect(() => openTelemetryStore({ backend: 'chdb', dataDir: other })).toThrow(ChdbDirectoryInUseError);
      expect(() => openTelemetryStore({ backend: 'chdb', dataDir: other })).toThrow(
        `chDB allows one data directory per process: "${path.resolve(dataDir)}" is open here`,
      );
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }

    // Closing one store leaves the shared session open for the other.
    await a.close();
    expect((await b.latest('t1')).map((l) => l.value)).toEqual([3]);
    await expect(a.latest('t1')).rejects.toThrow('telemetry store is closed');
    await b.close();
  });

  it('keeps the data across a reopen of the directory', async () => {
    const db = uniqueDb('reopen');
    const first = openTelemetryStore({ backend: 'chdb', dataDir, database: db });
    await first.ensureSchema();
    const ts = Date.now() - 5000;
    await first.insertPoints(
      't1',
      [{ plantId: 'p', connectorId: 'c', equipment: 'e', tag: 'x', ts, value: 8, quality: 'good' }],
      { dedupToken: 'c:9' },
    );
    await first.close();
    expect(openChdbDirectory()).toBeUndefined();

    const again = openTelemetryStore({ backend: 'chdb', dataDir, database: db });
    await again.ensureSchema();
    // The dedup log survives the reopen too: a retry after a restart stores nothing.
    await again.insertPoints(
      't1',
      [{ plantId: 'p', connectorId: 'c', equipment: 'e', tag: 'x', ts, value: 8, quality: 'good' }],
      { dedupToken: 'c:9' },
    );
    const s = await again.series('t1', {
      plantId: 'p',
      equipment: 'e',
      tag: 'x',
      from: ts - 1,
      to: ts + 1,
      widthPx: 10,
    });
    expect(s.buckets.map((x) => x.avg)).toEqual([8]);
    await again.close();
  });

  it('refuses a database name that is not a plain identifier', () => {
    expect(() => openTelemetryStore({ backend: 'chdb', dataDir, database: 'x; DROP TABLE y' })).toThrow(
      /^database: "x; DROP TABLE y" is not a plain identifier/,
    );
    expect(openChdbDirectory()).toBeUndefined();
  });
});
