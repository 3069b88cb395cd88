import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { REPORT_BACK_FORMATS, type ReportBackFormat, isPeriod } from '@lagesbild/domain';
import { openEventStore } from '@lagesbild/event-store';
import { ALL_PROJECTIONS, SqliteViewBuild, activeViews, buildViews, versionedReader } from '@lagesbild/projections';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import { assembleReportBack, citedSourcesFromLog, logDigestAt, renderReportBack, sha256 } from '@lagesbild/reporting';
import { resolveAsOf } from '../../../api/src/http/as-of.js';
import { TemplateCatalog } from '../../../api/src/reference/template-catalog.js';
import { progressLine } from '../progress.js';
import { storeSettingsFromEnvironment } from '../store-settings.js';

const month = (name: string) => (value: string) => {
  if (!isPeriod(value)) throw new InvalidArgumentError(`${name} must be a month, YYYY-MM`);
  return value;
};

/**
 * `report-back`: the county's report-back as of a moment, written to a file. The views are
 * built from the log into a temporary file first, so the answer never depends on how far a
 * running api's views have come.
 */
export function registerReportBackCommand(program: Command): void {
  program
    .command('report-back')
    .description('Skriv länets återrapportering för en period, som den såg ut vid --as-of, till en fil (md, html, pdf eller json)')
    .requiredOption('--county <code>', 'länets kod, t.ex. 20')
    .requiredOption('--from <YYYY-MM>', 'första månaden', month('--from'))
    .requiredOption('--to <YYYY-MM>', 'sista månaden', month('--to'))
    .option('--as-of <time>', 'underlaget som det var registrerat vid denna tid (ISO 8601; standard: det senaste)')
    .option('--format <format>', REPORT_BACK_FORMATS.join(' | '), 'pdf')
    .requiredOption('--out <file>', 'filen att skriva')
    .action(async (options: { county: string; from: string; to: string; asOf?: string; format: string; out: string }) => {
      const units = OrgUnitRegistry.sweden();
      if (units.get(options.county)?.kind !== 'county') throw new InvalidArgumentError(`--county: ${options.county} is not a county`);
      if (options.from > options.to) throw new InvalidArgumentError('--from must not be after --to');
      if (!(REPORT_BACK_FORMATS as readonly string[]).includes(options.format)) throw new InvalidArgumentError(`--format must be one of ${REPORT_BACK_FORMATS.join(', ')}`);
      const asOfTime = options.asOf === undefined ? undefined : new Date(options.asOf);
      if (asOfTime && Number.isNaN(asOfTime.getTime())) throw new InvalidArgumentError('--as-of must be an ISO 8601 time, e.g. 2018-02-27T12:00:00Z');

      const store = openEventStore(storeSettingsFromEnvironment());
      const workDir = mkdtempSync(join(tmpdir(), 'lagesbild-report-back-'));
      const build = new SqliteViewBuild(join(workDir, 'views.db'));
      try {
        // The moment as the api reads it: a given time, else the newest event's.
        const { position, meta } = await resolveAsOf(store, asOfTime ? { asOf: asOfTime } : { asOfPosition: await store.headPosition() });
        const asOf = meta.asOf;
        // The views up to that moment, no further.
        const progress = progressLine('Bygger vyer ur loggen (händelser)');
        await buildViews(store, build, [{ projections: ALL_PROJECTIONS }], { until: position, onProgress: (at) => progress.update(Number(at), Number(position)) });
        progress.end();
        const reader = versionedReader(build.finish().readerAt(position), activeViews(ALL_PROJECTIONS));
        const versions = await new TemplateCatalog(store).versions(position);
        const logDigest = await logDigestAt(store, position);
        const report = await assembleReportBack(reader, units, versions[versions.length - 1]!, {
          county: options.county,
          from: options.from,
          to: options.to,
          asOf,
          position: position.toString(),
          citedSources: citedSourcesFromLog(store, position),
          ...(logDigest ? { logDigest } : {}),
        });
        const bytes = await renderReportBack(report, options.format as ReportBackFormat);
        writeFileSync(options.out, bytes);
        process.stdout.write(`${JSON.stringify({ file: options.out, format: options.format, bytes: bytes.length, sha256: sha256(bytes), asOf, position: position.toString() })}\n`);
      } finally {
        await build.close();
        await store.close();
        rmSync(workDir, { recursive: true, force: true });
      }
    });
}
