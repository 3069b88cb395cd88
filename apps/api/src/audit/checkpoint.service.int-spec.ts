import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ConfigService } from '@nestjs/config';
import { SqliteEventStore, checkCheckpoints, readSigningKey } from '@lagesbild/event-store';
import type { Environment } from '../config/environment.js';
import { CheckpointService } from './checkpoint.service.js';

describe('the checkpoint service', () => {
  let dir: string;
  let store: SqliteEventStore;
  let service: CheckpointService;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagesbild-checkpoints-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db') });
    service = new CheckpointService(store, new ConfigService<Environment, true>({ DATA_DIR: dir }));
  });
  afterEach(async () => {
    await service.beforeApplicationShutdown();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('signs the head only when the log has moved since the last checkpoint', async () => {
    expect(await service.checkpoint()).toBeUndefined();
    await store.append('s-1', [{ type: 'A', data: {} }, { type: 'B', data: {} }]);
    expect(await service.checkpoint()).toMatchObject({ position: '2' });
    expect(await service.checkpoint()).toBeUndefined();
    await store.append('s-1', [{ type: 'C', data: {} }]);
    expect(await service.checkpoint()).toMatchObject({ position: '3' });
    expect(service.after(2n, 10).map((c) => c.position)).toEqual(['3']);
    expect(await checkCheckpoints(store, service.all(), service.publicKey)).toEqual({ ok: true, checked: 2 });
  });

  it('generates its key into DATA_DIR once, and signs with the same key after a restart', async () => {
    const pem = service.publicKeyPem;
    expect(readSigningKey(join(dir, 'signing-key.pem')).publicKeyPem).toBe(pem);
    const again = new CheckpointService(store, new ConfigService<Environment, true>({ DATA_DIR: dir }));
    expect(again.publicKeyPem).toBe(pem);
    await again.beforeApplicationShutdown();
    expect(await readFile(join(dir, 'signing-key.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    // Readable by its owner alone.
    expect((await stat(join(dir, 'signing-key.pem'))).mode & 0o777).toBe(0o600);
  });
});
