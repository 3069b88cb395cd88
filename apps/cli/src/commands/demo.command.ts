import type { Command } from 'commander';
import { validateEnvironment } from '../../../api/src/config/environment.js';
import { startServer } from '../../../api/src/server.js';

/** `demo`: starts the api on DATA_DIR and says where to begin. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Starta API:t på DATA_DIR (./data) och skriv ut adressen till dokumentationen')
    .action(async () => {
      const environment = validateEnvironment(process.env);
      const { baseUrl } = await startServer(environment);
      process.stdout.write(
        [
          '',
          `Lägesbild körs: ${baseUrl}`,
          `  API-dokumentation: ${baseUrl}/docs`,
          `  Hälsa:             ${baseUrl}/health`,
          `  Data:              ${environment.DATA_DIR}`,
          '',
          'Avsluta med Ctrl+C.',
          '',
        ].join('\n'),
      );
    });
}
