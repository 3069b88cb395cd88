import { Command } from 'commander';
import { InvalidConfigurationError } from '../../api/src/config/environment.js';
import { registerDemoCommand } from './commands/demo.command.js';
import { registerRebuildCommand } from './commands/rebuild.command.js';
import { registerTokenCommand } from './commands/token.command.js';
import { registerVerifyCommand } from './commands/verify.command.js';

const program = new Command()
  .name('lagesbild')
  .description('Lägesbild — kommandon för drift, demo och kontroll')
  .showHelpAfterError();

registerTokenCommand(program);
registerVerifyCommand(program);
registerRebuildCommand(program);
registerDemoCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof InvalidConfigurationError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
