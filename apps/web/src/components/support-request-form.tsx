import { useState } from 'react';
import { useCommand } from '../api/use-command';
import { CommandForm, Field } from './command-form';

/** A municipality asks the county for support directly (a report's support need opens one too). */
export function SupportRequestForm({ municipality }: { municipality: string }) {
  const command = useCommand();
  const [description, setDescription] = useState('');
  const submit = async () => {
    await command('POST', '/support-requests', { municipality, description: description.trim() }, [[`/org-units/${municipality}/support-requests`]]);
    setDescription('');
  };
  return (
    <CommandForm role="municipal_reporter" label="Begär stöd från länsstyrelsen" submitLabel="Skicka begäran" onSubmit={submit} done="Begäran är skickad till länsstyrelsen.">
      <Field id="support-request-description" label="Vilket stöd behöver kommunen?">
        <textarea id="support-request-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
    </CommandForm>
  );
}
