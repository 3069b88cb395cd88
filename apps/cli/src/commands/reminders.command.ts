import type { Command } from 'commander';
import { openEventStore } from '@lagesbild/event-store';
import { runReminderPass } from '@lagesbild/notifications';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import { storeSettingsFromEnvironment } from '../store-settings.js';

/** `reminders [--now TIME]`: the reminder pass once; a second run as of the same moment records nothing new. */
export function registerRemindersCommand(program: Command): void {
  program
    .command('reminders')
    .description('Kör påminnelserna en gång: "ska lämnas" och "saknas" för varje kommun som inte har rapporterat')
    .option('--now <time>', 'som vid denna tidpunkt (ISO 8601); standard: nu')
    .action(async (options: { now?: string }) => {
      const now = options.now === undefined ? new Date() : new Date(options.now);
      if (Number.isNaN(now.getTime())) throw new Error(`--now must be a time, e.g. 2026-11-09T08:00:00Z (got ${JSON.stringify(options.now)})`);
      const store = openEventStore(storeSettingsFromEnvironment());
      try {
        const result = await runReminderPass(store, OrgUnitRegistry.sweden(), now);
        process.stdout.write(`${JSON.stringify({ now: now.toISOString(), ...result })}\n`);
      } finally {
        await store.close();
      }
    });
}
