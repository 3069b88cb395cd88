import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CheckpointLog, EVENT_STORE, type EventStore, type SignedCheckpoint, type SigningKey, hashAt, loadOrCreateSigningKey, signCheckpoint } from '@lagesbild/event-store';
import type { Environment } from '../config/environment.js';

/** How often the api signs a checkpoint while the log moves. */
export const CHECKPOINT_INTERVAL_SECONDS = 300;

/**
 * Signs checkpoints of the log (its head position and chain hash) into `DATA_DIR/checkpoints.db`:
 * every few minutes while the log moves, and whenever a caller asks (at each issued report-back).
 */
@Injectable()
export class CheckpointService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Checkpoints');
  private readonly key: SigningKey;
  private readonly log: CheckpointLog;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    config: ConfigService<Environment, true>,
  ) {
    const dataDir = config.get('DATA_DIR', { infer: true });
    const keyFile = config.get('SIGNING_KEY_FILE', { infer: true });
    this.key = loadOrCreateSigningKey(keyFile ?? join(dataDir, 'signing-key.pem'));
    if (!keyFile) {
      this.logger.warn(`checkpoints are signed with ${join(dataDir, 'signing-key.pem')}; production keeps the key off the data volume (SIGNING_KEY_FILE)`);
    }
    this.log = new CheckpointLog(join(dataDir, 'checkpoints.db'));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.checkpoint(), CHECKPOINT_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    this.log.close();
  }

  get publicKeyPem(): string {
    return this.key.publicKeyPem;
  }

  get publicKey(): KeyObject {
    return this.key.publicKey;
  }

  /**
   * Signs the log at `position` (default: its head), unless a checkpoint already covers it. One
   * at a time; a failure is logged, not thrown, since what it recorded stands and a later one covers it.
   */
  checkpoint(position?: bigint): Promise<SignedCheckpoint | undefined> {
    const next = this.running.then(() => this.sign(position)).catch((error: unknown) => {
      this.logger.error({ err: error }, 'checkpoint failed');
      return undefined;
    });
    this.running = next;
    return next;
  }

  /** The checkpoints after a position, oldest first. */
  after(position: bigint, limit: number): SignedCheckpoint[] {
    return this.log.after(position, limit);
  }

  /** Every checkpoint, for `verify`. */
  all(): SignedCheckpoint[] {
    return this.log.after(0n);
  }

  private async sign(position: bigint | undefined): Promise<SignedCheckpoint | undefined> {
    const at = position ?? (await this.store.headPosition());
    if (at === 0n || at <= this.log.lastPosition()) return undefined;
    const hash = await hashAt(this.store, at);
    if (hash === undefined) return undefined;
    const checkpoint = signCheckpoint(this.key.privateKey, { position: at, hash }, new Date().toISOString());
    this.log.add(checkpoint);
    return checkpoint;
  }
}
