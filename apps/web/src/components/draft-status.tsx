import { ApiError, describeError } from '../api/client';
import type { Answer, ReportDraft, Template } from '../api/types';
import { useSession } from '../auth/session';
import { formatDateTime, formatTime } from '../format';
import { fieldErrors } from './report-form';
import type { AutosaveState } from './use-draft-autosave';

/**
 * Where the draft stands, said in one live line: saving, saved at what time, or why it was
 * refused (the form keeps what was typed). Before the first save: who saved the draft it opened
 * with, since a colleague may have started it.
 */
export function DraftStatus({ state, opened, template }: { state: AutosaveState; opened?: ReportDraft; template: Template }) {
  const { session } = useSession();
  return (
    <p role="status" className={`draft-status${state.kind === 'failed' ? ' failed' : ''}`} data-testid="draft-status">
      {text(state, opened, template, session?.user.id)}
    </p>
  );
}

function text(state: AutosaveState, opened: ReportDraft | undefined, template: Template, me: string | undefined): string {
  switch (state.kind) {
    case 'saving':
      return 'Sparar utkastet…';
    case 'saved':
      return `Utkast sparat kl. ${formatTime(state.at)}`;
    case 'failed':
      return `Utkastet kunde inte sparas: ${refusal(state.error, state.sent, template)} Det du har skrivit finns kvar här och sparas när du ändrar igen.`;
    case 'idle': {
      const last = opened?.saves.at(-1);
      if (!last) return 'Utkastet sparas medan du skriver.';
      return `Fortsätter på utkastet, senast sparat ${formatDateTime(last.at)} av ${last.by.id === me ? 'dig' : last.by.name}.`;
    }
  }
}

/** A refused draft: the fields the api named, by their labels, or the error as a user reads it. */
function refusal(error: unknown, sent: unknown, template: Template): string {
  if (!(error instanceof ApiError) || error.status !== 400) return `${describeError(error)}`;
  const answers = (sent as { answers?: Answer[] }).answers ?? [];
  const { byItem, other } = fieldErrors(error, answers, template);
  const labels = template.areas.flatMap((a) => a.items).filter((i) => byItem[i.id]).map((i) => i.label);
  return `rätta ${[...labels, ...other].join('; ')}.`;
}
