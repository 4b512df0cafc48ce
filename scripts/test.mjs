#!/usr/bin/env node
// `npm test`: installs what it needs, starts the real services (infra/local/up), then runs every tier:
// typecheck, lint, migration drift, unit, integration, e2e. Every tier runs even when an earlier one
// failed, so one CI run reports everything; the exit code is non-zero if any tier failed.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureInstalled, log, must, readServicesEnv, root, run } from './lib.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.TURBO_TELEMETRY_DISABLED = '1';

const only = process.argv.slice(2); // e.g. `npm test -- unit integration`
const wanted = (tier) => only.length === 0 || only.includes(tier);

ensureInstalled();
log('starting real services (infra/local/up)…');
must('bash', [path.join(root, 'infra/local/up')]);
for (const [k, v] of Object.entries(readServicesEnv())) process.env[k] ??= v;
// Tests run in test mode: the tenant-filter seam and other test-only switches refuse other modes.
process.env.NODE_ENV = 'test';

const reports = path.join(root, '.ingot', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const results = [];
async function tier(name, fn) {
  if (!wanted(name)) return;
  log(`── ${name} ──`);
  const started = Date.now();
  let code;
  try {
    code = await fn();
  } catch (e) {
    log(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    code = 1;
  }
  const counts = readCounts(name);
  results.push({ name, ok: code === 0, seconds: (Date.now() - started) / 1000, ...counts });
}

function readCounts(name) {
  try {
    const r = JSON.parse(readFileSync(path.join(reports, `${name}.json`), 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests, total: r.numTotalTests };
  } catch {
    return {};
  }
}

const vitest = (name, args, env) =>
  run(
    path.join(root, 'node_modules/.bin/vitest'),
    [
      'run',
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${path.join(reports, `${name}.json`)}`,
    ],
    { env },
  );

run('npx', ['turbo', 'run', 'generate', '--output-logs=errors-only']);
await tier('typecheck', () =>
  run('npx', ['turbo', 'run', 'typecheck', '--output-logs=errors-only', '--concurrency=2']),
);
await tier('lint', () => run(path.join(root, 'node_modules/.bin/biome'), ['check', '.']));
await tier('migrations', () => run('npm', ['run', '--silent', 'migrate:check', '-w', '@ingot/db']));
await tier('unit', () => vitest('unit', ['--project', '*:unit']));
await tier('integration', () =>
  vitest('integration', ['--project', '*:integration', '--no-file-parallelism']),
);
if (wanted('e2e')) {
  const { runE2e } = await import('./e2e.mjs');
  await tier('e2e', () => runE2e((args, env) => vitest('e2e', args, env)));
}

// Summary
const pad = (s, n) => String(s).padEnd(n);
log('── summary ──');
for (const r of results) {
  const counts = r.total === undefined ? '' : `${r.passed}/${r.total} tests passed`;
  console.log(
    `  ${pad(r.ok ? 'ok' : 'FAILED', 7)} ${pad(r.name, 12)} ${pad(`${r.seconds.toFixed(1)}s`, 8)} ${counts}`,
  );
}
const passed = results.reduce((n, r) => n + (r.passed ?? 0), 0);
const failed =
  results.reduce((n, r) => n + (r.failed ?? 0), 0) + results.filter((r) => !r.ok && !r.failed).length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
