import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TConnectorHeartbeat } from '@ingot/contracts';
import { SPOOL_FILE, STATUS_FILE, type TStatusFile } from '../agent/files.ts';
import { loadConfig } from '../config/load-config.ts';
import { readEnv } from '../env.ts';
import { writeSystemdUnit } from '../install/systemd-unit.ts';
import { createLogger } from '../logger.ts';
import { readSpoolStatus } from '../spool/spool.ts';
import { AGENT_VERSION } from '../version.ts';
import { simulateCommand } from './simulate.ts';

export const USAGE = `ingot-connector ${AGENT_VERSION} — Ingot connector agent (OPC UA / Modbus TCP -> MQTT)

Usage:
  ingot-connector run       [--config FILE]   run the agent (default command)
  ingot-connector validate  [--config FILE]   check the configuration and exit
  ingot-connector status    [--config FILE] [--json]
                                              spool depth, lag, points/s, sources (from the data directory)
  ingot-connector pki list  [--config FILE]   server certificates rejected / trusted
  ingot-connector pki trust FILE [--config FILE]
                                              trust a server certificate (e.g. one from pki/rejected)
  ingot-connector install --systemd --target-dir DIR [--user ingot-connector] [--config FILE]
                          [--data-dir DIR] [--exec PATH]
                                              write ingot-connector.service into DIR
  ingot-connector simulate  [--pki-dir DIR] [--seed N] [--plants RP,EP] [--tick-ms N] [--opcua-port N]
                            [--modbus-port N] [--sequence-tags] [--fault SPEC]...
                            [--connector-config FILE [--connector-plant RP] [--tenant SLUG] [--connector-id ID]
                             [--mqtt-url URL] [--mqtt-username U] [--mqtt-password-file F] [--mqtt-protocol 5|4]
                             [--data-dir DIR]]
                                              run the demo plant simulator (OPC UA + Modbus TCP); with
                                              --connector-config also write a connector YAML for it
  ingot-connector --version | --help

FILE defaults to $INGOT_CONNECTOR_CONFIG or /etc/ingot-connector/config.yaml.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: CliIo = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

/** Runs one CLI command; resolves to the exit code (the `run` command resolves when the agent stops). */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const env = readEnv();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string', short: 'c' },
      json: { type: 'boolean' },
      systemd: { type: 'boolean' },
      'target-dir': { type: 'string' },
      user: { type: 'string' },
      group: { type: 'string' },
      'data-dir': { type: 'string' },
      exec: { type: 'string' },
      'pki-dir': { type: 'string' },
      seed: { type: 'string' },
      plants: { type: 'string' },
      'tick-ms': { type: 'string' },
      'opcua-port': { type: 'string' },
      'modbus-port': { type: 'string' },
      'sequence-tags': { type: 'boolean' },
      fault: { type: 'string', multiple: true },
      'connector-config': { type: 'string' },
      'connector-plant': { type: 'string' },
      'connector-id': { type: 'string' },
      tenant: { type: 'string' },
      'mqtt-url': { type: 'string' },
      'mqtt-username': { type: 'string' },
      'mqtt-password-file': { type: 'string' },
      'mqtt-protocol': { type: 'string' },
      version: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.version) {
    io.out(AGENT_VERSION);
    return 0;
  }
  const [command = 'run', ...rest] = positionals;
  const configFile = path.resolve(values.config ?? env.INGOT_CONNECTOR_CONFIG);
  switch (command) {
    case 'validate': {
      const c = loadConfig(configFile);
      io.out(
        `${configFile}: valid (connector ${c.connector.id}, ${c.sources.length} sources, ${c.sources.reduce((n, s) => n + s.tags.length, 0)} tags)`,
      );
      return 0;
    }
    case 'run':
      return run(configFile, env.INGOT_CONNECTOR_LOG_LEVEL);
    case 'status':
      return status(configFile, values.json === true, io);
    case 'pki':
      return pki(configFile, rest, io);
    case 'install': {
      if (!values.systemd) throw new UsageError('install needs --systemd (the only installer so far)');
      const targetDir = values['target-dir'];
      if (!targetDir)
        throw new UsageError('install --systemd needs --target-dir DIR (e.g. /etc/systemd/system)');
      const dataDir =
        values['data-dir'] ??
        (existsSync(configFile) ? loadConfig(configFile).dataDir : '/var/lib/ingot-connector');
      const file = writeSystemdUnit(path.resolve(targetDir), {
        user: values.user ?? 'ingot-connector',
        group: values.group,
        configFile,
        dataDir: path.resolve(dataDir),
        execPath: values.exec ?? defaultExecPath(),
      });
      io.out(`wrote ${file}`);
      io.out(
        `next: useradd --system --no-create-home --shell /usr/sbin/nologin ${values.user ?? 'ingot-connector'}; ` +
          `install -d -o ${values.user ?? 'ingot-connector'} -m 0750 ${dataDir}; systemctl daemon-reload; systemctl enable --now ingot-connector`,
      );
      return 0;
    }
    case 'simulate':
      return simulateCommand(values, io);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

export class UsageError extends Error {
  override name = 'UsageError';
}

function defaultExecPath(): string {
  const argv1 = process.argv[1];
  if (argv1 && /ingot-connector(\.mjs)?$/.test(argv1)) {
    try {
      return realpathSync(argv1);
    } catch {
      return argv1;
    }
  }
  return '/usr/bin/ingot-connector';
}

async function run(configFile: string, level: 'debug' | 'info' | 'warn' | 'error'): Promise<number> {
  const config = loadConfig(configFile);
  const log = createLogger(level, { connector: config.connector.id });
  // Loaded on demand: node-opcua takes seconds to import, which `status` or `--version` should not pay.
  const { Agent } = await import('../agent/agent.ts');
  const agent = new Agent({ config, configFile, version: AGENT_VERSION, log });
  await agent.start();
  log.info('agent started', {
    version: AGENT_VERSION,
    sources: config.sources.length,
    dataDir: config.dataDir,
  });
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info('stopping', { signal });
      agent
        .stop()
        .then(() => resolve(0))
        .catch((e: unknown) => {
          log.error('stop failed', { error: (e as Error).message });
          resolve(1);
        });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

function fmtDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

function fmtBytes(b: number): string {
  if (b < 1024) return `${b} B`;
  if (b < 1024 ** 2) return `${(b / 1024).toFixed(1)} KiB`;
  if (b < 1024 ** 3) return `${(b / 1024 ** 2).toFixed(1)} MiB`;
  return `${(b / 1024 ** 3).toFixed(2)} GiB`;
}

function status(configFile: string, json: boolean, io: CliIo): number {
  const config = loadConfig(configFile);
  const spoolFile = path.join(config.dataDir, SPOOL_FILE);
  if (!existsSync(spoolFile)) {
    io.err(`no spool at ${spoolFile}: the agent has not run with this configuration yet`);
    return 3;
  }
  const spool = readSpoolStatus(spoolFile, config.spool.maxBytes);
  let file: TStatusFile | null = null;
  try {
    file = JSON.parse(readFileSync(path.join(config.dataDir, STATUS_FILE), 'utf8')) as TStatusFile;
  } catch {
    file = null;
  }
  const now = Date.now();
  const running = file !== null && isAlive(file.pid) && now - file.writtenAt < config.status.intervalMs * 3;
  const lagMs = spool.oldestAt === null ? 0 : Math.max(0, now - spool.oldestAt);
  const hb: TConnectorHeartbeat | undefined = file?.heartbeat;
  if (json) {
    io.out(
      JSON.stringify(
        {
          running,
          mqttConnected: running && file?.mqttConnected === true,
          spool,
          lagMs,
          heartbeat: hb ?? null,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(`connector   ${config.connector.tenant}/${config.connector.plant}/${config.connector.id}`);
  io.out(
    `agent       ${running ? `running (pid ${file?.pid}), MQTT ${file?.mqttConnected ? 'connected' : 'NOT connected'}` : 'not running'}`,
  );
  io.out(
    `spool       ${spool.depthBatches} batches, ${spool.depthPoints} points, ${fmtBytes(spool.bytes)} of ${fmtBytes(spool.maxBytes)} (${((100 * spool.bytes) / spool.maxBytes).toFixed(1)}%)`,
  );
  io.out(`lag         ${fmtDuration(lagMs)}`);
  io.out(`dropped     ${spool.droppedPoints} points in ${spool.droppedBatches} batches (spool full)`);
  io.out(`next seq    ${spool.nextBatchSeq}`);
  if (hb) {
    io.out(
      `points/s    ${hb.pointsPerS} read, ${hb.publishedPerS} acknowledged (as of ${new Date(hb.ts).toISOString()})`,
    );
    io.out(`config      ${hb.configVersion}; uptime ${fmtDuration(Math.round(hb.uptimeS * 1000))}`);
    for (const s of hb.sources) {
      io.out(
        `source      ${s.id} (${s.kind}) ${s.state}, ${s.tags} tags${s.lastError ? `, last error: ${s.lastError}` : ''}`,
      );
    }
  }
  return 0;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function pki(configFile: string, args: string[], io: CliIo): Promise<number> {
  const config = loadConfig(configFile);
  const { listRejected, pkiFolder, trustCertificateFile } = await import('../sources/pki.ts');
  const [sub, file] = args;
  if (sub === 'list' || sub === undefined) {
    io.out(`PKI folder: ${pkiFolder(config.dataDir)}`);
    const rejected = listRejected(config.dataDir);
    io.out(
      rejected.length === 0
        ? 'rejected: none'
        : `rejected (inspect, then \`pki trust FILE\`):\n  ${rejected.join('\n  ')}`,
    );
    return 0;
  }
  if (sub === 'trust') {
    if (!file) throw new UsageError('pki trust needs the certificate file');
    io.out(`trusted ${trustCertificateFile(config.dataDir, path.resolve(file))}`);
    return 0;
  }
  throw new UsageError(`unknown pki command "${sub}" (list, trust)`);
}
