import { Command } from 'commander';
import { registerDemoCommand } from './commands/demo.command.js';
import { registerRebuildCommand } from './commands/rebuild.command.js';
import { registerRemindersCommand } from './commands/reminders.command.js';
import { registerReportBackCommand } from './commands/report-back.command.js';
import { registerSeedCommand } from './commands/seed.command.js';
import { registerTokenCommand } from './commands/token.command.js';
import { registerVerifyCommand } from './commands/verify.command.js';

const program = new Command()
  .name('lagesbild')
  .description('Lägesbild — kommandon för drift, demo och kontroll')
  .showHelpAfterError();

registerTokenCommand(program);
registerVerifyCommand(program);
registerRebuildCommand(program);
registerSeedCommand(program);
registerReportBackCommand(program);
registerDemoCommand(program);
registerRemindersCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  // Configuration, arguments and refusals say what is wrong in one line; so does anything else.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
