// Shared helpers for the two root commands (npm start, npm test). Plain Node: they run before install.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export function log(msg) {
  process.stdout.write(`\x1b[36m[ingot]\x1b[0m ${msg}\n`);
}

/** Runs a command to completion with inherited output; returns its exit code. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    cwd: root,
    ...opts,
    env: { ...process.env, ...opts.env },
  });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

/** Like run, but exits the process when the command fails. */
export function must(cmd, args, opts = {}) {
  const code = run(cmd, args, opts);
  if (code !== 0) {
    log(`failed (exit ${code}): ${cmd} ${args.join(' ')}`);
    process.exit(code);
  }
}

/** Installs workspace dependencies when node_modules is missing or older than the lock file. */
export function ensureInstalled() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing dependencies (npm ci)…');
  must('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
}

/** Parses .ingot/services.env (KEY=VALUE lines written by infra/local/up). */
export function readServicesEnv() {
  const file = path.join(root, '.ingot', 'services.env');
  if (!existsSync(file)) return {};
  const env = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m?.[1]) env[m[1]] = (m[2] ?? '').replace(/^['"]|['"]$/g, '');
  }
  return env;
}

/**
 * Starts a long-running child with its output in a log file (a pipe nobody drains would stall it),
 * and waits until `url` answers.
 */
export async function startService({ name, cmd, args, env, url, logFile, timeoutMs = 180_000 }) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'w');
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  let exited = null;
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== null) break;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
  throw new Error(
    `${name} did not answer at ${url} (${exited === null ? 'timed out' : `exited ${exited}`}):\n${tail}`,
  );
}

/** Stops a child started by startService and waits for it to exit. */
export async function stopService(child) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await done;
  clearTimeout(timer);
}
