import { type Projection, activeViews, checkpointName } from './projection.js';
import type { ProjectionStatus } from './projection-host.js';

/**
 * The projection versions a runner runs, and where each stands: how far it has applied the log,
 * the checkpoint it has stored, whether it has caught up once (it may then answer reads), and
 * which version of each projection serves.
 */
export class RunningVersions {
  private running: Projection[];
  /** Keyed by checkpoint name (`<name>@v<version>`). */
  private readonly applied = new Map<string, bigint>();
  /** The checkpoint each projection has stored (it may trail `applied` over ignored events). */
  private readonly stored = new Map<string, bigint>();
  /** Versions that have caught up with the log at least once: they may answer reads. */
  private readonly ready = new Set<string>();
  /** The stored name of each view's serving version; recomputed after a version catches up or retires. */
  private serving: Map<string, string> | undefined;

  constructor(projections: readonly Projection[]) {
    this.running = [...projections];
  }

  /** Every version still running (a replaced one is retired). */
  get all(): readonly Projection[] {
    return this.running;
  }

  /** A version's checkpoint as read at start: it serves at once if it is its projection's only version, or has caught up with `head`. */
  resume(projection: Projection, checkpoint: bigint, head: bigint): void {
    const id = checkpointName(projection);
    this.applied.set(id, checkpoint);
    this.stored.set(id, checkpoint);
    const alone = this.running.filter((p) => p.name === projection.name).length === 1;
    if (alone || checkpoint >= head) this.ready.add(id);
    this.serving = undefined;
  }

  appliedBy(projection: Projection): bigint {
    return this.applied.get(checkpointName(projection)) ?? 0n;
  }

  storedBy(projection: Projection): bigint {
    return this.stored.get(checkpointName(projection)) ?? 0n;
  }

  /** A version has applied the log up to `position`; `stored`: its checkpoint too. */
  reached(projection: Projection, position: bigint, { stored }: { stored: boolean }): void {
    const id = checkpointName(projection);
    this.applied.set(id, position);
    if (stored) this.stored.set(id, position);
  }

  /** The versions of `group` that have now applied the log up to `head` may answer reads. */
  caughtUp(group: readonly Projection[], head: bigint): void {
    for (const projection of group) {
      const id = checkpointName(projection);
      if (!this.ready.has(id) && (this.applied.get(id) ?? 0n) >= head) {
        this.ready.add(id);
        this.serving = undefined;
      }
    }
  }

  /** A newer version of `old`'s projection that has caught up, if any: `old` is then to be retired. */
  replacementOf(old: Projection): Projection | undefined {
    return this.running.find((p) => p.name === old.name && p.version > old.version && this.ready.has(checkpointName(p)));
  }

  retire(old: Projection): void {
    this.running = this.running.filter((p) => p !== old);
    this.serving = undefined;
  }

  /** Per projection name, the newest version that has caught up (or the newest, if none has). */
  active(): Projection[] {
    const newest = (versions: Projection[]) => versions.reduce((a, b) => (b.version > a.version ? b : a));
    return [...new Set(this.running.map((p) => p.name))].map((name) => {
      const versions = this.running.filter((p) => p.name === name);
      const caughtUp = versions.filter((p) => this.ready.has(checkpointName(p)));
      return newest(caughtUp.length > 0 ? caughtUp : versions);
    });
  }

  /** Versions still catching up beside the one that serves. */
  building(): Projection[] {
    const active = new Set(this.active());
    return this.running.filter((p) => !active.has(p));
  }

  /** How far all of `projections` have applied the log (`none` when there are none). */
  lowest(projections: readonly Projection[], none: bigint): bigint {
    let lowest: bigint | undefined;
    for (const projection of projections) {
      const position = this.appliedBy(projection);
      if (lowest === undefined || position < lowest) lowest = position;
    }
    return lowest ?? none;
  }

  /** For each view, the stored name of the version that answers reads. */
  servingViews(): Map<string, string> {
    // Which version serves each view changes only when a new version has caught up.
    return (this.serving ??= activeViews(this.active()));
  }

  status(): ProjectionStatus[] {
    const active = new Set(this.active());
    return this.running.map((p) => ({ name: p.name, version: p.version, position: this.appliedBy(p), serving: active.has(p) }));
  }
}
