import { type Command, Option } from 'commander';
import { LocalTokens, ROLES, type Role, localSecret } from '@lagesbild/auth';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import { validateEnvironment } from '../../../api/src/config/environment.js';

/** `token`: mints a bearer token signed with the embedded default's secret. */
export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('Skapa en inloggningstoken (JWT) för den inbäddade installationen')
    .requiredOption('--sub <id>', 'användarens id')
    .option('--name <name>', 'användarens namn')
    .addOption(new Option('--role <role...>', 'roll (en eller flera)').choices(ROLES as unknown as string[]).makeOptionMandatory())
    .requiredOption('--org <code>', 'organisationsenhet: SE, länskod (20), kommunkod (2085)')
    .option('--ttl <seconds>', 'giltighetstid i sekunder', '43200')
    .action(async (options: { sub: string; name?: string; role: Role[]; org: string; ttl: string }) => {
      const environment = validateEnvironment(process.env);
      if (environment.AUTH_JWKS_URL) throw new Error('Tokens come from your OIDC provider when AUTH_JWKS_URL is set');
      if (!OrgUnitRegistry.sweden().has(options.org)) throw new Error(`Unknown org unit ${options.org}`);
      const ttl = Number(options.ttl);
      if (!Number.isInteger(ttl) || ttl <= 0) throw new Error('--ttl must be a whole number of seconds');
      const tokens = new LocalTokens(localSecret(environment.DATA_DIR, environment.AUTH_SECRET));
      const token = await tokens.mint({ id: options.sub, name: options.name ?? options.sub, roles: options.role, org: options.org }, ttl);
      process.stdout.write(`${token}\n`);
    });
}
