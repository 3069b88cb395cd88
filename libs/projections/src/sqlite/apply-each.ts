import type { ViewWriter } from '../view-store.port.js';

/** Applies a batch's events one after the other, the writer told each event's position. */
export async function applyEach<E extends { position: bigint }>(
  writer: ViewWriter & { position: number },
  events: ReadonlyArray<E>,
  apply: (writer: ViewWriter, event: E) => Promise<void>,
): Promise<void> {
  for (const event of events) {
    writer.position = Number(event.position);
    await apply(writer, event);
  }
}
