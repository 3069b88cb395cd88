import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ApiProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>/api/v1` */
  base: string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** The api from its sources as its own process (as `npm start` runs it), once it answers `/health`. */
export async function startApiProcess(port: number, env: Record<string, string>, stdio: StdioOptions = ['ignore', 'ignore', 'ignore']): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--no-warnings', '--import', '@swc-node/register/esm-register', join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    // The reminder pass would write at start: a test that wants it runs it or sets the interval.
    env: { ...process.env, PORT: String(port), REMINDER_INTERVAL_SECONDS: '0', ...env },
    stdio,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}/api/v1`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode} before it answered`);
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return { child, base, exited };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
