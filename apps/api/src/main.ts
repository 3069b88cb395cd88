import { InvalidConfigurationError, validateEnvironment } from './config/environment.js';
import { startServer } from './server.js';

startServer(validateEnvironment(process.env))
  .then(({ baseUrl }) => process.stdout.write(`Lägesbild API listening on ${baseUrl} — docs at ${baseUrl}/docs\n`))
  .catch((error: unknown) => {
    // A bad configuration stops the start with its own clear message, not a stack trace.
    console.error(error instanceof InvalidConfigurationError ? error.message : error);
    process.exit(1);
  });
