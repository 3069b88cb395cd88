import type { Command } from 'commander';
import { DEMO_USERS, LocalTokens, localSecret } from '@lagesbild/auth';
import { validateEnvironment } from '../../../api/src/config/environment.js';
import { progressLine } from '../progress.js';
import { StoreNotEmptyError, seedStore } from '@lagesbild/simulation';

/**
 * `demo`: seeds Dalarna's two years into an empty DATA_DIR (an existing log is kept as it is),
 * starts the api and prints where to begin, with a token per role.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Fyll en tom DATA_DIR (./data) med demodata, starta API:t och skriv ut dokumentationens adress och en token per roll')
    .action(async () => {
      const environment = validateEnvironment({ LOG_LEVEL: 'warn', ...process.env });
      await seedDemoIfEmpty(environment.DATA_DIR, environment.EVENTSTORE_URL);
      // Loaded here, not at the top: the other commands need none of the api.
      const { startServer } = await import('../../../api/src/server.js');
      const { baseUrl } = await startServer(environment);
      const tokens = new LocalTokens(localSecret(environment.DATA_DIR, environment.AUTH_SECRET));
      const webUrl = baseUrl.replace(/\/api\/v1$/, '/');
      const lines = ['', `Lägesbild körs: ${webUrl} (webbappen: logga in som en av demoanvändarna)`, `  API: ${baseUrl}`, `  API-dokumentation: ${baseUrl}/docs`, `  Data: ${environment.DATA_DIR}`, '', 'Token per roll (Authorization: Bearer <token>):'];
      for (const user of DEMO_USERS) {
        lines.push(`  ${user.roles[0]} — ${user.name}, ${user.org}:`, `    ${await tokens.mint(user)}`);
      }
      lines.push('', `Prova: curl -H "Authorization: Bearer <token>" ${baseUrl}/org-units/20`, 'Avsluta med Ctrl+C.', '');
      process.stdout.write(lines.join('\n'));
    });
}

async function seedDemoIfEmpty(dataDir: string, eventStoreUrl: string | undefined): Promise<void> {
  const progress = progressLine('Demodata: Dalarnas län, två år (kommandon)');
  try {
    const seeded = await seedStore({ dataDir, eventStoreUrl }, { scope: 'demo', years: 2, seed: 1, until: new Date(), onProgress: (done, total) => progress.update(done, total) });
    progress.end();
    process.stdout.write(`Demodata skapad: ${seeded.events} händelser, perioderna ${seeded.from}–${seeded.to}.\n`);
  } catch (error) {
    if (!(error instanceof StoreNotEmptyError)) throw error;
    process.stdout.write(`${dataDir} innehåller redan händelser; ingen ny demodata skapas.\n`);
  }
}
