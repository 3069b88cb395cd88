import { useId, useState } from 'react';
import type { SupportRequest } from '../api/types';
import { useCommand } from '../api/use-command';
import { CommandForm, Field } from './command-form';

/** What the county may do with a request in each status, and what text each step asks for. */
const STEPS = {
  acknowledgement: { label: 'Bekräfta med ett svar', field: 'Svar till kommunen', key: 'reply', from: ['open'] },
  resolution: { label: 'Avsluta: stödet är givet', field: 'Vad som gjordes', key: 'outcome', from: ['open', 'acknowledged'] },
  decline: { label: 'Avböj', field: 'Skäl till kommunen', key: 'reason', from: ['open', 'acknowledged'] },
} as const;
type Step = keyof typeof STEPS;

/** The county answers one support request: acknowledge, resolve or decline, each with its text to the municipality. */
export function SupportRequestAnswerForm({ request, county, name }: { request: SupportRequest; county: string; name: string }) {
  const command = useCommand();
  const id = useId();
  const steps = (Object.keys(STEPS) as Step[]).filter((s) => (STEPS[s].from as readonly string[]).includes(request.status));
  const [chosen, setChosen] = useState<Step | undefined>(steps[0]);
  const [text, setText] = useState('');
  const step = chosen && steps.includes(chosen) ? chosen : steps[0];
  if (!step) return null;
  const submit = async () => {
    await command('POST', `/support-requests/${request.id}/${step}`, { [STEPS[step].key]: text.trim() }, [[`/org-units/${county}/support-requests`], ['/notifications']]);
    setText('');
  };
  return (
    <CommandForm label={`Svara på stödbegäran från ${name}`} submitLabel="Skicka svaret" onSubmit={submit} done="Svaret är skickat till kommunen.">
      <div className="form-grid">
        <Field id={`${id}-step`} label="Åtgärd">
          <select id={`${id}-step`} value={step} onChange={(e) => setChosen(e.target.value as Step)}>
            {steps.map((s) => (
              <option key={s} value={s}>
                {STEPS[s].label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id={`${id}-text`} label={STEPS[step].field}>
        <textarea id={`${id}-text`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
    </CommandForm>
  );
}
