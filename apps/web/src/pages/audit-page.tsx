import { type FormEvent, useState } from 'react';
import type { Query } from '../api/client';
import { useApi } from '../api/use-api';
import { useApiQuery } from '../api/use-api-query';
import { Field } from '../components/command-form';
import { ErrorMessage, Loaded, Page, Section } from '../components/page';
import { formatDateTime } from '../format';
import { saveBlob } from '../download';

interface Filters {
  orgUnit: string;
  actor: string;
  type: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { orgUnit: '', actor: '', type: '', from: '', to: '' };
const PAGE_SIZE = 50;

/** The tamper check, and the audit trail with filters, paging (after=<position>) and CSV export. */
export function AuditPage() {
  const api = useApi();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [pages, setPages] = useState<string[]>(['']);
  const [exportError, setExportError] = useState<unknown>();
  const after = pages[pages.length - 1];
  const query = {
    ...filters,
    from: filters.from ? new Date(filters.from).toISOString() : '',
    to: filters.to ? new Date(filters.to).toISOString() : '',
  };
  const verification = useApiQuery('/audit/verification');
  const trail = useApiQuery('/audit', { ...query, after, limit: PAGE_SIZE });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setPages(['']);
  };
  /** Every matching entry, page by page (the api gives at most 1000 at a time), all at the first page's log position. */
  const exportCsv = async () => {
    try {
      const parts: string[] = [];
      let next: string | null = '';
      let pinned: Query = {};
      for (let pageNo = 0; next !== null && pageNo < 1000; pageNo += 1) {
        const response = await api.raw('/audit', { ...query, ...pinned, after: next, format: 'csv', limit: 1000 });
        const text = await response.text();
        parts.push(pageNo === 0 ? text : text.slice(text.indexOf('\n') + 1));
        next = response.headers.get('X-Next-After');
        const position = response.headers.get('X-As-Of-Position');
        if (position) pinned = { asOf: undefined, asOfPosition: position };
      }
      saveBlob(new Blob(parts, { type: 'text/csv;charset=utf-8' }), 'granskningslogg.csv');
      setExportError(undefined);
    } catch (e) {
      setExportError(e);
    }
  };

  return (
    <Page title="Granskning">
      <Section title="Kontroll av loggen">
        <Loaded state={verification} what="kontrollen">
          {(v) => (
            <p className={v.ok ? 'approved' : 'late'} data-testid="verification">
              {v.ok
                ? `Loggen är oförändrad: ${v.checked.toLocaleString('sv-SE')} händelser kontrollerade.`
                : `Loggen har ändrats! Första brutna position: ${v.firstBrokenPosition} (${v.checked.toLocaleString('sv-SE')} kontrollerade).`}
            </p>
          )}
        </Loaded>
      </Section>
      <Section title="Filter">
        <form onSubmit={apply} className="form-grid" aria-label="Filter för granskningsloggen">
          {(
            [
              ['orgUnit', 'Organisation (kod)', 'text'],
              ['actor', 'Användare (id)', 'text'],
              ['type', 'Händelsetyp', 'text'],
              ['from', 'Från', 'datetime-local'],
              ['to', 'Till', 'datetime-local'],
            ] as const
          ).map(([key, label, type]) => (
            <Field key={key} id={`audit-${key}`} label={label}>
              <input id={`audit-${key}`} type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
            </Field>
          ))}
          <div className="buttons">
            <button type="submit" className="primary">
              Filtrera
            </button>
            <button type="button" onClick={() => void exportCsv()}>
              Exportera CSV
            </button>
          </div>
        </form>
        {exportError !== undefined && <ErrorMessage error={exportError} />}
      </Section>
      <Section title="Händelser">
        <Loaded state={trail} what="loggen">
          {(t) => (
            <>
              <div className="table-scroll">
                <table className="compact audit">
                  <caption>
                    Sida {pages.length}: {t.items.length} händelser
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Position</th>
                      <th scope="col">Tid</th>
                      <th scope="col">Händelse</th>
                      <th scope="col">Organisation</th>
                      <th scope="col">Vem</th>
                      <th scope="col">Ström</th>
                    </tr>
                  </thead>
                  <tbody>
                    {t.items.map((e) => (
                      <tr key={e.position}>
                        <td>{e.position}</td>
                        <td>{formatDateTime(e.recordedAt)}</td>
                        <th scope="row">{e.type}</th>
                        <td>{e.orgUnit ?? ''}</td>
                        <td>{e.actor?.name ?? ''}</td>
                        <td className="mono">{e.streamId}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="buttons">
                <button type="button" disabled={pages.length === 1} onClick={() => setPages(pages.slice(0, -1))}>
                  Föregående sida
                </button>
                <button type="button" disabled={!t.next || t.items.length < PAGE_SIZE} onClick={() => t.next && setPages([...pages, t.next])}>
                  Nästa sida
                </button>
              </div>
            </>
          )}
        </Loaded>
      </Section>
    </Page>
  );
}
