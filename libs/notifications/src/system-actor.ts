import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@lagesbild/event-store';

/** Who records what the system does by itself (reminders, mails): no person, said so in the log. */
export const systemContext = (what: string): CommandContext => ({
  actor: { id: 'lagesbild', name: `Lägesbild (${what})`, roles: [], org: 'SE' },
  correlationId: randomUUID(),
});
