import { type SituationReportEvent, situationReportStreamId } from '@lagesbild/domain';
import { type EventStore, hashAt, readEvents } from '@lagesbild/event-store';
import type { CitedSources } from './sources.figures.js';

/** The sources each report cites, read from its stream up to `position` (what the report said then). */
export function citedSourcesFromLog(store: EventStore, position: bigint): CitedSources {
  return async (orgUnit, period) => {
    const events = await readEvents<SituationReportEvent>(store, situationReportStreamId(orgUnit, period), { toPosition: position });
    const cited = new Set<string>();
    for (const event of events) {
      if (event.type === 'SituationReportSubmitted') for (const source of event.data.sources) cited.add(source);
      for (const answer of event.data.answers) for (const source of answer.sources ?? []) cited.add(source);
    }
    return [...cited];
  };
}

/** The log's chain hash at a position: the document prints it, so the log can be checked against it. */
export function logDigestAt(store: EventStore, position: bigint): Promise<string | undefined> {
  return hashAt(store, position);
}
