import { type DraftEvent, NotFoundError, draftDecider, draftStreamId, fold, situationReportStreamId } from '@lagesbild/domain';
import { type EventStore, readEvents } from '@lagesbild/event-store';

/**
 * A draft as it stood at `position`: what it holds, each item with who saved it last and
 * when, and every save (who, when, which items). Closed once the period's report is in.
 */
export async function draftAsOf(store: EventStore, orgUnit: string, period: string, position: bigint) {
  const saves = await readEvents<DraftEvent>(store, draftStreamId(orgUnit, period), { toPosition: position });
  if (saves.length === 0) throw new NotFoundError('draft-not-found', `No draft for ${orgUnit} ${period} had been saved as of position ${position}`);
  const submitted = (await readEvents(store, situationReportStreamId(orgUnit, period), { toPosition: position }))[0];
  const state = fold(draftDecider, saves);
  const by = (save: (typeof saves)[number]) => ({ id: save.metadata.actor?.id ?? 'unknown', name: save.metadata.actor?.name ?? 'okänd' });
  const lastSaveOf = new Map<string, (typeof saves)[number]>();
  for (const save of saves) for (const answer of save.data.answers) lastSaveOf.set(answer.item, save);
  return {
    orgUnit,
    period,
    status: submitted ? 'closed' : 'open',
    ...(submitted ? { closedAt: submitted.recordedAt } : {}),
    templateVersion: state.templateVersion,
    answers: Object.values(state.answers).map((answer) => {
      const save = lastSaveOf.get(answer.item)!;
      return { ...answer, savedAt: save.recordedAt, savedBy: by(save) };
    }),
    ...(state.sources ? { sources: state.sources } : {}),
    ...(state.summary !== undefined ? { summary: state.summary } : {}),
    ...(state.supportNeeded ? { supportNeeded: state.supportNeeded } : {}),
    saves: saves.map((save) => ({ at: save.recordedAt, by: by(save), position: save.position.toString(), items: save.data.answers.map((a) => a.item) })),
    revision: saves[saves.length - 1]!.revision,
  };
}
