import { InvalidArgumentError, type Command } from 'commander';
import { progressLine } from '../progress.js';
import { seedStore } from '@lagesbild/simulation';
import { storeSettingsFromEnvironment } from '../store-settings.js';

const wholeNumber = (name: string, min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
};

const instant = (value: string) => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('must be an ISO 8601 time, e.g. 2026-11-01T00:00:00Z');
  return new Date(ms);
};

/** `seed`: a simulated history into an empty DATA_DIR, deterministic for a given --seed. */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Fyll en tom DATA_DIR med simulerad historik: --demo (Dalarna, två år) eller --national --years N (alla 290 kommuner)')
    .option('--demo', 'Dalarnas län: 15 kommuner, 24 månader, med bedömningar, risker, åtgärder, aktiviteter, tid och mål')
    .option('--national', 'hela landet: 21 län, 290 kommuner')
    .option('--years <n>', 'år av historik för --national', wholeNumber('--years', 1, 30), 1)
    .option('--seed <n>', 'slumpfrö: samma frö ger samma historik', wholeNumber('--seed', 0, 2 ** 32 - 1), 1)
    .option('--until <time>', 'historikens slut (ISO 8601; standard: nu)', instant)
    .action(async (options: { demo?: boolean; national?: boolean; years: number; seed: number; until?: Date }) => {
      if (Boolean(options.demo) === Boolean(options.national)) throw new InvalidArgumentError('Choose one of --demo or --national');
      const progress = progressLine('Skapar historik (kommandon)');
      const result = await seedStore(storeSettingsFromEnvironment(), {
        scope: options.demo ? 'demo' : 'national',
        years: options.years,
        seed: options.seed,
        until: options.until ?? new Date(),
        onProgress: (done, total, events) => progress.update(done, total, `${events.toLocaleString('sv-SE')} händelser`),
      });
      progress.end();
      process.stdout.write(`${JSON.stringify({ ...result, eventsPerSecond: Math.round(result.events / result.seconds) })}\n`);
    });
}
