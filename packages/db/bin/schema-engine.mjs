#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, which the CLI cannot download offline.
// The CLI finds it through PRISMA_SCHEMA_ENGINE_BINARY (bin/prisma.mjs sets it) and talks to it exactly as to
// the native engine:
//   schema-engine --version
//   schema-engine --datasource '{"url":...}' cli can-connect-to-database | create-database
//   schema-engine --datamodels <file>... [--datasource '{"url":...}']   then JSON-RPC 2.0, one message a line,
//                                                                        requests on stdin, answers on stdout
// Each request is forwarded to the WASM build of the same engine (@prisma/schema-engine-wasm, the build the
// CLI 7.10 ships), which reaches the database through a Prisma driver adapter: @prisma/adapter-pg for
// postgres:// URLs, pglite-prisma-adapter for `memory://`, `file:` or a directory path (PGlite).
//
// Logs go to stderr as JSON lines, like the native engine (the CLI reads the `fields.message` of ERROR lines).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Folder of @prisma/schema-engine-wasm (its exports map hides package.json and the .wasm file). */
const WASM_PACKAGE_DIR = dirname(fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm')));

/** The engine version this shim forwards to; printed by --version like the native binary does. */
const ENGINE_HASH = JSON.parse(readFileSync(join(WASM_PACKAGE_DIR, 'package.json'), 'utf8'))
  .version.split('.')
  .at(-1);

/** The native engine's JSON-RPC error code for user-facing and panic errors alike. */
const RPC_ERROR_CODE = 4466;

// ---------------------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const out = { datamodels: [], datasource: undefined, version: false, cli: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--version' || arg === '-V') out.version = true;
    else if (arg === '--datamodels' || arg === '-d') out.datamodels.push(argv[++i]);
    else if (arg === '--datasource') out.datasource = JSON.parse(argv[++i]);
    else if (arg === 'cli') {
      out.cli = argv[++i];
      break;
    }
    // --enabled-preview-features and --extension-types take a value and do not apply to postgres.
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Logging in the native engine's format

function logLine(level, message, extra = {}) {
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: 'schema_engine::logger' })}\n`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Driver adapters

function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** PGlite accepts `memory://...` or a directory; `file:` URLs are mapped to their path. */
function pgliteDataDir(url) {
  if (url.startsWith('file:')) return url.replace(/^file:(\/\/)?/, '');
  return url;
}

/** A pg Pool config aimed at another database of the same server (pg's `connectionString` beats `database`). */
function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function loadShimPgFactory() {
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const pg = (await import('pg')).default;

  // Workaround 1: adapter-pg 7.10.0 has no column type for Postgres's internal "char" (oid 18, e.g.
  // pg_class.relkind, read by the engine's introspection) and rejects the whole result. Report it as text.
  const CHAR_OID = 18;
  const TEXT_OID = 25;
  const charAsText = (result) => {
    for (const r of Array.isArray(result) ? result : [result]) {
      for (const f of r?.fields ?? []) if (f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
    }
    return result;
  };
  class CharAsTextClient extends pg.Client {
    query(config, values, callback) {
      const cb = [config, values, callback].find((a) => typeof a === 'function');
      if (cb) {
        const wrapped = (err, res) => cb(err, err ? res : charAsText(res));
        if (typeof values === 'function') return super.query(config, wrapped);
        return super.query(config, values, wrapped);
      }
      const ret = super.query(config, values);
      return ret && typeof ret.then === 'function' ? ret.then(charAsText) : ret;
    }
  }

  // Workaround 2: the engine applies migration scripts with executeScript(), which adapter-pg splits on every
  // `;` -- fatal for functions and DO blocks. Send the script whole, as the native engine does (simple query
  // protocol: Postgres runs a multi-statement string as one implicit transaction).
  const wholeScripts = (adapter) => {
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script) => {
      try {
        await pool.query(script);
      } catch (e) {
        adapter.onError(e);
      }
    };
    return adapter;
  };

  /** Drops a database once the pool that used it has really disconnected (pool.end() resolves earlier). */
  const dropWhenIdle = async (admin, database) => {
    for (let waited = 0; waited < 5_000; waited += 50) {
      const { rows } = await admin.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [database],
      );
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
  };

  class ShimPgFactory extends PrismaPg {
    constructor(url) {
      // A config, not a Pool: the adapter opens a pool per connect() and ends it on dispose().
      super({ connectionString: url, Client: CharAsTextClient, max: 4 });
      this.url = url;
    }

    async connect() {
      return wholeScripts(await super.connect());
    }

    // Workaround 3: adapter-pg's own version connects the "shadow" pool with `{ connectionString, database }`,
    // where the connection string wins, so migrations replay on the MAIN database; and it drops the shadow
    // database before closing the pool that still holds connections to it. The shadow database is created
    // next to the main one, so the migrating role needs CREATEDB (infra's ingot_owner has it).
    async connectToShadowDb() {
      const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      const admin = new pg.Client({ connectionString: this.url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${database}"`);
        const adapter = await new ShimPgFactory(withDatabase(this.url, database)).connect();
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async () => {
          try {
            await dispose();
            await dropWhenIdle(admin, database);
          } finally {
            await admin.end();
          }
        };
        return adapter;
      } catch (e) {
        await admin.query(`DROP DATABASE IF EXISTS "${database}"`).catch(() => {});
        await admin.end();
        throw e;
      }
    }
  }
  return ShimPgFactory;
}

async function createAdapterFactory(datasource) {
  const url = datasource?.url ?? 'memory://';
  if (isPostgresUrl(url)) {
    const ShimPgFactory = await loadShimPgFactory();
    return { factory: new ShimPgFactory(url), close: async () => {} };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const pglite = new PGlite(pgliteDataDir(url));
  const factory = new PrismaPGlite(pglite);
  // pglite-prisma-adapter's executeScript does not await PGlite's exec(): errors would be lost.
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script) => {
      try {
        await pglite.exec(script);
      } catch (e) {
        adapter.onError(e);
      }
    };
    return adapter;
  };
  return { factory, close: () => pglite.close() };
}

// ---------------------------------------------------------------------------------------------------------
// WASM engine

async function loadWasmRuntime() {
  const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = join(WASM_PACKAGE_DIR, 'schema_engine_bg.wasm');
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    './schema_engine_bg.js': runtime,
  });
  runtime.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  // The engine reports panic messages through this global before throwing.
  let lastPanic;
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message) {
      lastPanic = message;
    },
  };
  return { runtime, takePanic: () => lastPanic };
}

/** Turns whatever the engine threw into the native engine's JSON-RPC error object. */
function rpcError(e, panicMessage) {
  if (panicMessage) {
    return { code: RPC_ERROR_CODE, message: panicMessage, data: { is_panic: true, message: panicMessage } };
  }
  // User-facing engine errors arrive as objects or Errors carrying `message` and often `error_code`/`meta`.
  const source = e && typeof e === 'object' ? e : { message: String(e) };
  const message = typeof source.message === 'string' ? source.message : JSON.stringify(source);
  const data = { is_panic: false, message };
  if (typeof source.error_code === 'string') data.error_code = source.error_code;
  else if (typeof source.code === 'string' && /^P\d{4}$/.test(source.code)) data.error_code = source.code;
  if (source.meta !== undefined) data.meta = source.meta;
  return { code: RPC_ERROR_CODE, message: 'An error happened. Check the data field for details.', data };
}

// ---------------------------------------------------------------------------------------------------------
// `cli` subcommands (one-shot, no JSON-RPC)

async function runCliCommand(command, datasource) {
  const url = datasource?.url;
  if (!url) throw new Error('no --datasource url given');
  if (!isPostgresUrl(url)) {
    // PGlite creates its data directory on open: it can always connect and never needs creating.
    if (command === 'can-connect-to-database' || command === 'create-database') return;
    throw new Error(`unsupported cli command for PGlite: ${command}`);
  }
  const pg = (await import('pg')).default;
  const database = decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
  const tryConnect = async (target) => {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    return client;
  };
  if (command === 'can-connect-to-database') {
    const client = await tryConnect(url);
    await client.end();
    return;
  }
  if (command === 'create-database') {
    const client = await tryConnect(withDatabase(url, 'postgres'));
    try {
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    } finally {
      await client.end();
    }
    return;
  }
  if (command === 'drop-database') {
    const client = await tryConnect(withDatabase(url, 'postgres'));
    try {
      await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}"`);
    } finally {
      await client.end();
    }
    return;
  }
  throw new Error(`unknown cli command: ${command}`);
}

/** Maps pg connection errors to Prisma's codes: the CLI offers to create the database on P1003. */
function cliErrorCode(e) {
  switch (e?.code) {
    case '3D000':
      return 'P1003';
    case '28P01':
    case '28000':
      return 'P1000';
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
      return 'P1001';
    case '42P04':
      return 'P1009';
    default:
      return 'P1000';
  }
}

// ---------------------------------------------------------------------------------------------------------
// JSON-RPC server

async function serve(args) {
  const datamodels = await Promise.all(args.datamodels.map(async (p) => [p, await readFile(p, 'utf8')]));
  const { runtime, takePanic } = await loadWasmRuntime();
  const { bindMigrationAwareSqlAdapterFactory } = await import('@prisma/driver-adapter-utils');
  const { factory, close } = await createAdapterFactory(args.datasource);

  const engine = await runtime.SchemaEngine.new(
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    (log) => process.stderr.write(`${log}\n`),
    bindMigrationAwareSqlAdapterFactory(factory),
  );

  let nextOutgoingId = 1_000_000;
  const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);

  const call = async (method, params) => {
    switch (method) {
      case 'getDatabaseVersion':
        return engine.version(params ?? null);
      case 'diff': {
        // The native engine prints the diff through a `print` request to the CLI (so `--output` can capture
        // it) and answers with the exit code only.
        const result = await engine.diff(params);
        if (typeof result.stdout === 'string' && result.stdout.length > 0) {
          send({ id: nextOutgoingId++, method: 'print', params: { content: result.stdout } });
        }
        return { exitCode: result.exitCode };
      }
      case 'createMigration':
      case 'evaluateDataLoss':
        // The WASM engine only reaches the shadow database that diagnoseMigrationHistory(optIn) set up in this
        // session ("PostgreSQL shadow DB must be provided through an external factory" otherwise). The native
        // engine needs no such step, so the CLI does not always take it first (e.g. `migrate dev` after applying).
        await engine.diagnoseMigrationHistory({
          migrationsList: params.migrationsList,
          optInToShadowDatabase: true,
          filters: params.filters ?? { externalTables: [], externalEnums: [] },
        });
        return engine[method](params);
      default:
        if (typeof engine[method] !== 'function' || method === 'free' || method.startsWith('_')) {
          throw { message: `Unknown method: ${method}` };
        }
        return engine[method](params);
    }
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const pending = new Set();
  for await (const line of lines) {
    if (!line.trim()) continue;
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      logLine('ERROR', `could not parse JSON-RPC line: ${line.slice(0, 200)}`);
      continue;
    }
    // Answers to our own `print` requests carry no method: nothing to do.
    if (typeof request.method !== 'string') continue;
    const job = (async () => {
      try {
        const result = await call(request.method, request.params);
        send({ id: request.id, result: result ?? null });
      } catch (e) {
        const error = rpcError(e, takePanic());
        logLine(
          'ERROR',
          error.data.message,
          error.data.error_code ? { error_code: error.data.error_code } : {},
        );
        send({ id: request.id, error });
      }
    })();
    pending.add(job);
    job.finally(() => pending.delete(job));
  }
  // stdin closed: the CLI is done with us.
  await Promise.allSettled([...pending]);
  try {
    engine.free();
  } catch {
    // already freed
  }
  await close();
}

// ---------------------------------------------------------------------------------------------------------

const args = parseArgs(process.argv.slice(2));
if (args.version) {
  process.stdout.write(`schema-engine-cli ${ENGINE_HASH}\n`);
  process.exit(0);
}
if (args.cli) {
  try {
    await runCliCommand(args.cli, args.datasource);
    process.exit(0);
  } catch (e) {
    // The CLI skips the first stderr line and parses every following line as JSON: no trailing newline.
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(
      `schema-engine shim: ${args.cli} failed\n${JSON.stringify({ timestamp: new Date().toISOString(), level: 'ERROR', fields: { message, error_code: cliErrorCode(e) }, target: 'schema_engine::logger' })}`,
    );
    process.exit(1);
  }
}
try {
  await serve(args);
  process.exit(0);
} catch (e) {
  logLine('ERROR', e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
}
