import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { openEventStore } from '@lagesbild/event-store';
import { ALL_PROJECTIONS, SqliteViewBuild, buildViews, buildViewsBeside, rebuildParts, removeViewsFile } from '@lagesbild/projections';
import { validateEnvironment } from '../../../api/src/config/environment.js';
import { progressLine } from '../progress.js';

/**
 * `rebuild`: builds the views from the whole log into a new file beside the current one,
 * then puts it in its place. Run it with the api stopped (the api rebuilds by itself when a
 * projection's version changes).
 */
export function registerRebuildCommand(program: Command): void {
  program
    .command('rebuild')
    .description('Bygg om vyerna från hela händelseloggen (projektionerna), med förlopp')
    .option('--projection <name>', `bara en projektion: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`)
    .action(async (options: { projection?: string }) => {
      const environment = validateEnvironment(process.env);
      if (environment.MONGODB_URL) {
        throw new Error('rebuild builds the embedded (SQLite) views only; MONGODB_URL is set, and rebuilding views in MongoDB is not supported yet');
      }
      const projections = ALL_PROJECTIONS.filter((p) => !options.projection || p.name === options.projection);
      if (projections.length === 0) throw new Error(`Unknown projection ${options.projection}`);
      const store = openEventStore({ dataDir: environment.DATA_DIR, eventStoreUrl: environment.EVENTSTORE_URL, readOnly: true });
      const head = await store.headPosition();
      const target = join(environment.DATA_DIR, 'views.db');
      const building = join(environment.DATA_DIR, 'views.rebuild.db');
      const replaced = join(environment.DATA_DIR, 'views.replaced.db');
      removeViewsFile(building);
      removeViewsFile(replaced);
      const started = Date.now();
      const progress = progressLine('Bygger om vyer (händelser)');
      const views = new SqliteViewBuild(building);
      const onProgress = (position: bigint) => progress.update(Number(position), Number(head));
      // The embedded log: most of the report summaries are built on a second thread.
      const parts = environment.EVENTSTORE_URL ? undefined : rebuildParts(projections);
      if (parts) await buildViewsBeside(store, views, { ...parts, eventsFile: join(environment.DATA_DIR, 'events.db'), until: head, onProgress });
      else await buildViews(store, views, [{ projections }], { until: head, onProgress });
      await views.finish().close();
      await store.close();
      progress.end();
      // One projection alone is built beside the views, not in their place (the others would be missing).
      const swap = !options.projection || !existsSync(target);
      if (swap) {
        for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
        // The old views are moved aside and removed once the new ones are in place: deleting a
        // large file takes the file system a while, which is not building views.
        if (existsSync(target)) renameSync(target, replaced);
        renameSync(building, target);
      }
      const seconds = (Date.now() - started) / 1000;
      removeViewsFile(replaced);
      const rebuilt = projections.map((p) => `${p.name}@v${p.version}`);
      const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
      process.stdout.write(
        `${JSON.stringify({ rebuilt, events: Number(head), seconds, eventsPerSecond: Math.round(Number(head) / seconds), peakRssMB, file: swap ? target : building })}\n`,
      );
    });
}
