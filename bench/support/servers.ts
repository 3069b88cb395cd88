import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Server {
  url: string;
  dataDir: string;
  pid: number;
  /** The server's resident set size now, in MB (from /proc). */
  rssMB(): number;
  stop(): Promise<void>;
}

/** Starts a TypeScript entry point of this repository as its own process and waits until it answers. */
export async function startServer(entry: string, port: number, env: Record<string, string> = {}): Promise<Server> {
  // A DATA_DIR given in env (a fixture) is kept; otherwise a fresh one is made and removed after.
  const ownDir = env.DATA_DIR === undefined;
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'lagesbild-bench-server-'));
  // BENCH_PROFILE=1 writes each server's CPU profile to bench/.tmp/ for a look afterwards.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench', '.tmp')}`] : [];
  const child: ChildProcess = spawn(process.execPath, ['--no-warnings', ...profile, '--import', '@swc-node/register/esm-register', join(root, entry)], {
    cwd: root,
    // No reminder pass at start: it would write to the fixture while the benchmark measures.
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', REMINDER_INTERVAL_SECONDS: '0', ...env, DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${entry} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    dataDir,
    pid: child.pid!,
    rssMB: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
