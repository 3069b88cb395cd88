#!/usr/bin/env node
// `npm run bench -- <name> [args]`: runs bench/<name>.bench.ts. Benchmark-only peers live in
// bench/package.json, installed here on first use and never by CI's `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const [name, ...args] = process.argv.slice(2);

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\n  benchmarks: ${available.join(', ')}`);
  process.exit(2);
}
const installed = join(here, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(join(here, 'package-lock.json')).mtimeMs) {
  console.error('Installing the benchmark-only peers (bench/package.json) — the first time about two minutes…');
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const run = spawnSync(
  process.execPath,
  ['--no-warnings', '--expose-gc', '--import', '@swc-node/register/esm-register', join(here, `${name}.bench.ts`), ...args],
  { cwd: join(here, '..'), stdio: 'inherit' },
);
process.exit(run.status ?? 1);
