import { spawn } from 'node:child_process';

/**
 * Runs a TypeScript entry as a child process and feeds each line it prints to `onLine`
 * (split into words); when `onLine` answers true, the child is killed with SIGKILL — it goes
 * on working while the signal travels, so the kill lands wherever it lands. Resolves once
 * the child has died of that signal; rejects if it exits by itself first.
 */
export function runUntilKilled(entry: string, args: string[], onLine: (words: string[]) => boolean, options: { cwd?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', entry, ...args], {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    let stderr = '';
    let killed = false;
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (!killed && onLine(line.split(' '))) {
          killed = true;
          proc.kill('SIGKILL');
        }
      }
    });
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`child exited with ${code} before it was killed: ${stderr}`));
    });
  });
}
