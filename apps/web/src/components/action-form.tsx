import { useState } from 'react';
import type { Action } from '../api/types';
import { useCommand } from '../api/use-command';
import { CommandForm, Field } from './command-form';

/** What can happen next to an action: a proposal is decided; a decided action is started, completed or cancelled. */
const NEXT: Record<string, Array<{ value: string; label: string }>> = {
  proposed: [
    { value: 'approved', label: 'Besluta: genomför' },
    { value: 'rejected', label: 'Besluta: avslå' },
  ],
  approved: [
    { value: 'started', label: 'Påbörjad' },
    { value: 'cancelled', label: 'Avbruten' },
  ],
  started: [
    { value: 'completed', label: 'Genomförd' },
    { value: 'cancelled', label: 'Avbruten' },
  ],
};

/** Decide an action or move it on, with the rationale or note the api asks for. */
export function ActionForm({ actions, county }: { actions: Action[]; county: string }) {
  const command = useCommand();
  const open = actions.filter((a) => NEXT[a.status]);
  const [id, setId] = useState('');
  const [step, setStep] = useState('');
  const [text, setText] = useState('');
  // Said outside the form: the action just moved on may have been the last one open.
  const [updated, setUpdated] = useState<string>();
  const action = open.find((a) => a.actionId === id) ?? open[0];
  const steps = action ? NEXT[action.status]! : [];
  const chosen = steps.find((s) => s.value === step) ?? steps[0];
  const outcome = updated && (
    <p role="status" className="ok action-outcome">
      {updated}
    </p>
  );
  if (!action || !chosen)
    return (
      <>
        {outcome}
        <p>Inga åtgärder väntar på beslut eller uppföljning.</p>
      </>
    );
  const submit = async () => {
    const decision = chosen.value === 'approved' || chosen.value === 'rejected';
    const changes = [['/actions', { orgUnit: county }]] as const;
    if (decision) await command('POST', `/actions/${action.actionId}/decision`, { decision: chosen.value, rationale: text }, changes);
    else await command('POST', `/actions/${action.actionId}/status`, { status: chosen.value, note: text }, changes);
    setText('');
    setUpdated(`${action.title}: ${chosen.label.toLowerCase()}.`);
  };
  return (
    <>
      {outcome}
      <CommandForm role="county_analyst" label="Besluta eller följ upp en åtgärd" submitLabel="Spara" onSubmit={submit} onEdit={() => setUpdated(undefined)}>
      <div className="form-grid">
        <Field id="action-id" label="Åtgärd">
          <select id="action-id" value={action.actionId} onChange={(e) => {
              setId(e.target.value);
              setStep('');
            }}>
            {open.map((a) => (
              <option key={a.actionId} value={a.actionId}>
                {a.title} ({a.owner}, {a.dueDate})
              </option>
            ))}
          </select>
        </Field>
        <Field id="action-step" label="Nytt läge">
          <select id="action-step" value={chosen.value} onChange={(e) => setStep(e.target.value)}>
            {steps.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="action-text" label={chosen.value === 'approved' || chosen.value === 'rejected' ? 'Motivering' : 'Anteckning'}>
          <input id="action-text" value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
      </div>
      </CommandForm>
    </>
  );
}
