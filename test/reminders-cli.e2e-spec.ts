import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@lagesbild/event-store';

const root = fileURLToPath(new URL('..', import.meta.url));
const NOW = '2026-11-09T08:00:00Z';

/** `npm run cli -- reminders --now …` as its own process on a DATA_DIR. */
const reminders = (dataDir: string): ChildProcess =>
  spawn(process.execPath, ['--no-warnings', '--import', '@swc-node/register/esm-register', join(root, 'apps/cli/src/main.ts'), 'reminders', '--now', NOW], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const finished = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('exit', (code, signal) => resolve({ code, signal, out }));
  });

describe('cli reminders', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-reminders-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('killed in the middle of its pass and run again, records each reminder once; a further run records nothing', async () => {
    const first = reminders(dataDir);
    const exited = finished(first);
    // Wait until it has begun to write, then kill it without warning.
    let head = 0n;
    for (; head === 0n && first.exitCode === null; await new Promise((resolve) => setTimeout(resolve, 5))) {
      try {
        const store = new SqliteEventStore({ file: join(dataDir, 'events.db'), readOnly: true });
        head = await store.headPosition();
        await store.close();
      } catch {
        // Not created yet.
      }
    }
    first.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    process.stderr.write(`\n  reminders: killed with ${head} or more of 290 recorded\n`);

    const second = await finished(reminders(dataDir));
    expect(second.code).toBe(0);
    const third = await finished(reminders(dataDir));
    expect(JSON.parse(third.out)).toEqual({ now: '2026-11-09T08:00:00.000Z', recorded: 0, already: 290 });

    const store = new SqliteEventStore({ file: join(dataDir, 'events.db'), readOnly: true });
    try {
      const seen = new Map<string, number>();
      for await (const event of store.readAll()) {
        expect(event.type).toBe('ReminderRecorded');
        const { kind, orgUnit, period } = event.data as { kind: string; orgUnit: string; period: string };
        expect([kind, period]).toEqual(['report-due', '2026-10']);
        seen.set(orgUnit, (seen.get(orgUnit) ?? 0) + 1);
      }
      expect(seen.size).toBe(290);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      expect((await store.verify()).ok).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);
});
