/**
 * Callers waiting for the views to reach a log position (`minPosition`, a read at the head):
 * each is told true once `reached` passes its position, or false when its time runs out.
 */
export class PositionWaiters {
  private readonly waiting = new Set<{ position: bigint; resolve: () => void }>();

  /** Resolves true at once when `reached` is already at `position`; a timed-out waiter is forgotten. */
  waitFor(position: bigint, reached: bigint, timeoutMs?: number): Promise<boolean> {
    if (reached >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      this.waiting.add(waiter);
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          this.waiting.delete(waiter);
          resolve(false);
        }, timeoutMs);
      }
    });
  }

  /** The views have reached `position`: every waiter at or below it is told. */
  release(position: bigint): void {
    for (const waiter of this.waiting) {
      if (waiter.position <= position) {
        this.waiting.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
