import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { LocalTokens } from '@lagesbild/auth';
import { SqliteEventStore } from '@lagesbild/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, SqliteViewBuild, SqliteViewStore, buildViewsBeside, rebuildParts } from '@lagesbild/projections';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import { startApiProcess } from './api-process.js';

const SECRET = 'crash-loop-secret-crash-loop-secret-crash-loop';

export interface CrashLoopOptions {
  dataDir: string;
  port: number;
  kills: number;
  clients: number;
  /** Random pause between kills, in ms. */
  killEveryMs: [number, number];
  onProgress?: (line: string) => void;
}

export interface CrashLoopResult {
  kills: number;
  acknowledged: number;
  refused: number;
  retries: number;
  lost: number;
  duplicated: number;
  events: number;
  verifyOk: boolean;
  viewsMatchRebuild: boolean;
  seconds: number;
}

interface Command {
  method: 'PUT' | 'POST';
  path: string;
  body: unknown;
  key: string;
  token: string;
  principal: string;
}

/**
 * The api as a child process on `dataDir`, killed with SIGKILL at random moments and started
 * again, while clients send commands with Idempotency-Keys and retry on connection errors as
 * a real client does. Afterwards: every acknowledged command is in the log exactly once, the
 * hash chain holds, and the views equal a rebuild from zero.
 */
export async function crashLoop(options: CrashLoopOptions): Promise<CrashLoopResult> {
  const started = Date.now();
  const base = `http://127.0.0.1:${options.port}/api/v1`;
  const tokens = new LocalTokens(SECRET);
  const units = OrgUnitRegistry.sweden();
  let api: ChildProcess | undefined;

  const startApi = async () => {
    ({ child: api } = await startApiProcess(options.port, { DATA_DIR: options.dataDir, AUTH_SECRET: SECRET, LOG_LEVEL: 'error', RATE_LIMIT: '1000000' }));
  };

  const acknowledged: Command[] = [];
  let refused = 0;
  let retries = 0;
  let running = true;

  /** Sends until a definite answer: retried on connection errors and 503 with the same key. */
  const send = async (command: Command): Promise<{ status: number; body: Record<string, unknown> }> => {
    for (;;) {
      try {
        const res = await fetch(`${base}${command.path}`, {
          method: command.method,
          headers: { authorization: `Bearer ${command.token}`, 'content-type': 'application/json', 'idempotency-key': command.key },
          body: JSON.stringify(command.body),
        });
        const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
        if (res.status !== 503) return { status: res.status, body };
      } catch {
        // The api is down: try again as a client would.
      }
      retries += 1;
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  };

  const municipalities = units.all('municipality');
  const client = async (n: number) => {
    const municipality = municipalities[(n * 17) % municipalities.length]!;
    const county = municipality.parent!;
    const reporter = await tokens.mint({ id: `reporter-${n}`, name: `Rapportör ${n}`, roles: ['municipal_reporter'], org: municipality.code });
    const analyst = await tokens.mint({ id: `analyst-${n}`, name: `Analytiker ${n}`, roles: ['county_analyst'], org: county });
    for (let round = 0; running; round += 1) {
      const period = `${2000 + Math.floor(round / 12)}-${String((round % 12) + 1).padStart(2, '0')}`;
      const commands: Array<() => Command> = [
        () => ({ method: 'PUT', path: `/org-units/${municipality.code}/reports/${period}`, body: { templateVersion: 1, answers: [{ item: 'social-risk.level', value: round % 5 }] }, key: `c${n}-r${round}-submit`, token: reporter, principal: `reporter-${n}` }),
        () => ({ method: 'POST', path: `/org-units/${municipality.code}/reports/${period}/amendments`, body: { answers: [{ item: 'social-risk.level', value: (round + 1) % 5 }], reason: 'Rättelse' }, key: `c${n}-r${round}-amend`, token: reporter, principal: `reporter-${n}` }),
        () => ({ method: 'POST', path: '/risks', body: { orgUnit: municipality.code, area: 'andt', title: `Risk ${n}-${round}`, description: 'Beskrivning', likelihood: 3, consequence: 2 }, key: `c${n}-r${round}-risk`, token: analyst, principal: `analyst-${n}` }),
      ];
      let riskId: string | undefined;
      for (const make of commands) {
        if (!running) return;
        const command = make();
        const answer = await send(command);
        if (answer.status >= 200 && answer.status < 300) {
          acknowledged.push(command);
          if (command.path === '/risks') riskId = answer.body.id as string;
        } else refused += 1;
      }
      if (riskId && running) {
        const command: Command = {
          method: 'POST',
          path: '/actions',
          body: { orgUnit: municipality.code, riskIds: [riskId], title: `Åtgärd ${n}-${round}`, description: 'Beskrivning', owner: 'Samordnare', dueDate: '2030-01-01' },
          key: `c${n}-r${round}-action`,
          token: analyst,
          principal: `analyst-${n}`,
        };
        const answer = await send(command);
        if (answer.status >= 200 && answer.status < 300) acknowledged.push(command);
        else refused += 1;
      }
    }
  };

  await startApi();
  const clients = Array.from({ length: options.clients }, (_, n) => client(n));
  for (let kill = 1; kill <= options.kills; kill += 1) {
    // Each life of the api first does some work (a few acknowledgements), then dies at a random moment.
    const before = acknowledged.length;
    for (let waited = 0; acknowledged.length < before + 3 && waited < 15_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const [min, max] = options.killEveryMs;
    await new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)));
    const exited = new Promise((resolve) => api!.once('exit', resolve));
    api!.kill('SIGKILL');
    await exited;
    await startApi();
    options.onProgress?.(`kill ${kill}/${options.kills}: ${acknowledged.length} commands acknowledged, ${retries} retries`);
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  running = false;
  await Promise.all(clients);
  const exited = new Promise((resolve) => api!.once('exit', resolve));
  api!.kill('SIGTERM');
  await exited;

  // The log: each acknowledged command's events exactly once.
  const store = new SqliteEventStore({ file: join(options.dataDir, 'events.db') });
  const byKey = new Map<string, number>();
  let events = 0;
  for await (const event of store.readAll()) {
    events += 1;
    const key = (event.metadata as { idempotencyKey?: string }).idempotencyKey;
    if (key) byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  const counts = acknowledged.map((c) => byKey.get(`${c.principal}:${c.key}`) ?? 0);
  const verification = await store.verify();

  // The views the api kept, caught up, against a rebuild from zero.
  const live = new SqliteViewStore(join(options.dataDir, 'views.db'));
  const liveRunner = new ProjectionRunner(store, live, ALL_PROJECTIONS);
  await liveRunner.start();
  await liveRunner.stop();
  // Rebuilt as `cli rebuild` does: on two threads, into one bulk file.
  const build = new SqliteViewBuild(join(options.dataDir, 'views.rebuilt.db'));
  await buildViewsBeside(store, build, { ...rebuildParts(ALL_PROJECTIONS)!, eventsFile: join(options.dataDir, 'events.db') });
  const rebuilt = build.finish();
  const viewsMatchRebuild = (await live.digest()) === (await rebuilt.digest());
  await live.close();
  await rebuilt.close();
  await store.close();

  return {
    kills: options.kills,
    acknowledged: acknowledged.length,
    refused,
    retries,
    lost: counts.filter((n) => n === 0).length,
    duplicated: counts.filter((n) => n > 1).length,
    events,
    verifyOk: verification.ok,
    viewsMatchRebuild,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
