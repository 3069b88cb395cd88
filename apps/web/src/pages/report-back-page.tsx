import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { IssuedReportBack } from '../api/types';
import { useApi } from '../api/use-api';
import { apiQueryKey } from '../api/use-api-query';
import { useCommand } from '../api/use-command';
import { useTimeMachine } from '../time-machine';
import { CommandForm, Field } from '../components/command-form';
import { ErrorMessage, Page, Section } from '../components/page';
import { addMonths } from '../format';
import { saveBlob } from '../download';
import { lastMonth } from '../roles';
import { PeriodPicker } from '../components/period-picker';

const FORMATS = [
  { format: 'pdf', label: 'PDF' },
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
] as const;

/** The report-back (återrapportering) for a span of months: a preview, downloads, and issuing it. */
export function ReportBackPage({ county }: { county: string }) {
  const api = useApi();
  const command = useCommand();
  const { asOf } = useTimeMachine();
  const [from, setFrom] = useState(() => addMonths(lastMonth(), -5));
  const [to, setTo] = useState(lastMonth);
  const [downloadError, setDownloadError] = useState<unknown>();
  const [issued, setIssued] = useState<IssuedReportBack>();
  const [title, setTitle] = useState('Återrapportering: regional lägesbild');
  const [reference, setReference] = useState('');
  const path = `/org-units/${county}/report-back`;

  const previewQuery = { from, to, format: 'html' };
  const preview = useQuery({
    queryKey: apiQueryKey(path, previewQuery, asOf),
    queryFn: async () => (await api.blob(path, { ...previewQuery, asOf })).text(),
  });
  const error = downloadError ?? preview.error;

  const download = async (format: string) => {
    try {
      saveBlob(await api.blob(path, { from, to, format }), `aterrapportering-${county}-${from}-${to}.${format}`);
      setDownloadError(undefined);
    } catch (e) {
      setDownloadError(e);
    }
  };

  return (
    <Page title="Återrapportering">
      <div className="filters">
        <PeriodPicker label="Från" value={from} onChange={setFrom} />
        <PeriodPicker label="Till" value={to} onChange={setTo} />
      </div>
      <Section title="Ladda ner">
        <div className="buttons">
          {FORMATS.map((f) => (
            <button type="button" key={f.format} onClick={() => void download(f.format)}>
              Ladda ner {f.label}
            </button>
          ))}
        </div>
        {error && <ErrorMessage error={error} />}
      </Section>
      <Section title="Förhandsvisning">
        {preview.data === undefined ? (
          <p role="status">Skapar förhandsvisningen…</p>
        ) : (
          <iframe className="preview" title="Förhandsvisning av återrapporteringen" sandbox="" srcDoc={preview.data} />
        )}
      </Section>
      <Section title="Utfärda">
        <p>Att utfärda registrerar dokumentets kontrollsumma (SHA-256) och läget i loggen, så att samma dokument kan tas fram igen.</p>
        <CommandForm
          role="county_analyst"
          label="Utfärda återrapporteringen"
          submitLabel="Utfärda"
          onSubmit={async () => setIssued((await command('POST', `/org-units/${county}/report-backs`, { from, to, title, reference }, [])).answer)}
          done={issued ? `Utfärdad: ${issued.id}, SHA-256 ${issued.sha256}.` : undefined}
        >
          <Field id="rb-title" label="Titel">
            <input id="rb-title" value={title} onChange={(e) => setTitle(e.target.value)} />
          </Field>
          <Field id="rb-reference" label="Diarienummer">
            <input id="rb-reference" value={reference} onChange={(e) => setReference(e.target.value)} />
          </Field>
        </CommandForm>
      </Section>
    </Page>
  );
}
