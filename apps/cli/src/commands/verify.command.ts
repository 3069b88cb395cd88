import type { Command } from 'commander';
import { openEventStore } from '@lagesbild/event-store';
import { progressLine } from '../progress.js';
import { storeSettingsFromEnvironment } from '../store-settings.js';

/** `verify`: walks the whole log and checks its hash chain. Exit code 1 when it is broken. */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('Kontrollera händelseloggens hashkedja (tamper check) och skriv {ok, checked, firstBrokenPosition}')
    .action(async () => {
      const store = openEventStore(storeSettingsFromEnvironment());
      try {
        const head = Number(await store.headPosition());
        const progress = progressLine('Verifierar händelser');
        const result = await store.verify({ onProgress: (checked) => progress.update(checked, head) });
        progress.end();
        process.stdout.write(
          `${JSON.stringify({
            ok: result.ok,
            checked: result.checked,
            ...(result.firstBrokenPosition !== undefined
              ? { firstBrokenPosition: result.firstBrokenPosition.toString(), reason: result.reason }
              : {}),
          })}\n`,
        );
        if (!result.ok) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
