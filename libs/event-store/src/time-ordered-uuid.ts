import { randomUUID } from 'node:crypto';

/**
 * A time-ordered UUID (version 7, RFC 9562): the millisecond timestamp first, so ids made one
 * after another sort together and land at the end of an index. Its random bits are those of
 * `crypto.randomUUID`, which draws from a buffered pool; the uuid package's v7 asks for fresh
 * random bytes on every call, which made it the costliest step of an append on the event loop.
 * Within one millisecond the order of ids is random.
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx: keep from the version's digit on
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
