import type { Answer, SituationReportEvent } from '@lagesbild/domain';
import { type EventStore, readEvents } from '@lagesbild/event-store';

export interface ReportRevision {
  revision: number;
  position: string;
  recordedAt: string;
  type: 'submitted' | 'amended';
  by: { id: string; name: string };
  reason?: string;
  answers: Answer[];
}

/**
 * A report as it was known at a position: its answers with every amendment folded in, and
 * its revisions (who, when, why). Reads the report's own stream only, up to that position.
 */
export async function reportAsOf(store: EventStore, streamId: string, position: bigint) {
  const events = await readEvents<SituationReportEvent>(store, streamId, { toPosition: position });
  const first = events[0];
  if (!first || first.type !== 'SituationReportSubmitted') return undefined;
  const answers = new Map<string, Answer>();
  const revisions: ReportRevision[] = events.map((event) => {
    for (const answer of event.data.answers) answers.set(answer.item, answer);
    const actor = event.metadata.actor;
    return {
      revision: event.revision,
      position: event.position.toString(),
      recordedAt: event.recordedAt,
      type: event.type === 'SituationReportSubmitted' ? 'submitted' : 'amended',
      by: { id: actor?.id ?? 'unknown', name: actor?.name ?? 'okänd' },
      ...(event.type === 'SituationReportAmended' ? { reason: event.data.reason } : {}),
      answers: event.data.answers,
    };
  });
  const { orgUnit, period, templateVersion, sources, summary, supportNeeded, deadline, late } = first.data;
  return {
    orgUnit,
    period,
    templateVersion,
    submittedAt: first.recordedAt,
    deadline,
    late,
    sources,
    ...(summary !== undefined ? { summary } : {}),
    ...(supportNeeded !== undefined ? { supportNeeded } : {}),
    answers: [...answers.values()],
    revision: events[events.length - 1]!.revision,
    revisions,
  };
}
