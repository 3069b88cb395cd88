/** The store's clock. Seeders may pass a simulated one; over HTTP it is always the real clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
