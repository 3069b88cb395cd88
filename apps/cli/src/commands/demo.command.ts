import type { Command } from 'commander';
import { LocalTokens, type Principal, localSecret } from '@lagesbild/auth';
import { validateEnvironment } from '../../../api/src/config/environment.js';
import { progressLine } from '../progress.js';
import { StoreNotEmptyError, seedStore } from '@lagesbild/simulation';

/** One demo user per role, in Dalarna (county 20) and Ludvika (2085). */
export const DEMO_USERS: Principal[] = [
  { id: 'kim.kommun', name: 'Kim Kommun (Ludvika)', roles: ['municipal_reporter'], org: '2085' },
  { id: 'li.lan', name: 'Li Län (Länsstyrelsen Dalarna)', roles: ['county_analyst'], org: '20' },
  { id: 'sam.stod', name: 'Sam Stöd (regionalt stöd)', roles: ['support_worker'], org: '20' },
  { id: 'nora.nationell', name: 'Nora Nationell', roles: ['national_reader'], org: 'SE' },
  { id: 'rut.revisor', name: 'Rut Revisor', roles: ['auditor'], org: 'SE' },
  { id: 'ada.admin', name: 'Ada Admin', roles: ['admin'], org: 'SE' },
];

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
      const lines = ['', `Lägesbild körs: ${baseUrl}`, `  API-dokumentation: ${baseUrl}/docs`, `  Data: ${environment.DATA_DIR}`, '', 'Token per roll (Authorization: Bearer <token>):'];
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
