import { useState } from 'react';

import { useApiQuery } from '../api/use-api-query';
import { useCommand } from '../api/use-command';
import { ActionForm } from '../components/action-form';
import { CommandForm, Field } from '../components/command-form';
import { Loaded, Page, Section } from '../components/page';
import { type Cell, RiskMatrixGrid } from '../components/risk-matrix';
import { formatDate } from '../format';
import { useMunicipalities } from './county-dashboard-page';
import { ACTION_STATUS } from '@lagesbild/reporting/labels';

const STATUS = ACTION_STATUS;

/** The risk register: the 5×5 matrix (click a cell to pick its risks), the risks, a new risk, and the action list. */
export function RisksPage({ county }: { county: string }) {
  const command = useCommand();
  const matrix = useApiQuery(`/org-units/${county}/risk-matrix`);
  const risks = useApiQuery('/risks', { orgUnit: county });
  const actions = useApiQuery('/actions', { orgUnit: county });
  const template = useApiQuery('/templates/current');
  const units = useMunicipalities(county);
  const [cell, setCell] = useState<Cell>();
  const [form, setForm] = useState({ orgUnit: county, area: 'social-risk', title: '', description: '', likelihood: 3, consequence: 3 });
  const names: Record<string, string> = Object.fromEntries((units.data?.items ?? []).map((u) => [u.code, u.name]));
  names[county] = 'Länet';
  const areaLabel = (id: string) => template.data?.areas.find((a) => a.id === id)?.label ?? id;
  const open = (risks.data?.items ?? []).filter((r) => r.status === 'open');
  const shown = cell ? open.filter((r) => r.likelihood === cell.likelihood && r.consequence === cell.consequence) : (risks.data?.items ?? []);

  const create = async () => {
    await command('POST', '/risks', form, [['/risks', { orgUnit: county }], [`/org-units/${county}/risk-matrix`]]);
  };

  return (
    <Page title="Risker och åtgärder">
      <div className="two-columns">
        <Section title="Riskmatris">
          <Loaded state={matrix} what="riskmatrisen">
            {(m) => (
              <>
                <RiskMatrixGrid cells={m.cells} selected={cell} onSelect={setCell} />
                <p>{m.open} öppna risker.</p>
              </>
            )}
          </Loaded>
        </Section>
        <Section title={cell ? `Risker med sannolikhet ${cell.likelihood} och konsekvens ${cell.consequence}` : 'Alla risker'}>
          {cell && (
            <button type="button" onClick={() => setCell(undefined)}>
              Visa alla risker
            </button>
          )}
          <Loaded state={risks} what="riskerna">
            {() => (
              <ul className="risk-list" aria-live="polite">
                {shown.length === 0 && <li>Inga risker i den här rutan.</li>}
                {shown.map((r) => (
                  <li key={r.riskId}>
                    <strong>{r.title}</strong> – {names[r.orgUnit] ?? r.orgUnit}, {areaLabel(r.area)}. Sannolikhet {r.likelihood}, konsekvens {r.consequence}
                    {r.status === 'closed' ? ' (stängd)' : ''}. <span className="muted">{r.description}</span>
                  </li>
                ))}
              </ul>
            )}
          </Loaded>
        </Section>
      </div>
      <Section title="Ny risk">
        <CommandForm role="county_analyst" label="Ny risk" submitLabel="Registrera risken" onSubmit={create} done="Risken är registrerad.">
          <div className="form-grid">
            <Field id="risk-unit" label="Organisation">
              <select id="risk-unit" value={form.orgUnit} onChange={(e) => setForm({ ...form, orgUnit: e.target.value })}>
                <option value={county}>Länet</option>
                {(units.data?.items ?? []).map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="risk-area" label="Område">
              <select id="risk-area" value={form.area} onChange={(e) => setForm({ ...form, area: e.target.value })}>
                {(template.data?.areas ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="risk-title" label="Rubrik">
              <input id="risk-title" value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
            </Field>
            <Field id="risk-description" label="Beskrivning">
              <textarea id="risk-description" rows={2} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
            </Field>
            {(['likelihood', 'consequence'] as const).map((k) => (
              <Field key={k} id={`risk-${k}`} label={k === 'likelihood' ? 'Sannolikhet (1–5)' : 'Konsekvens (1–5)'}>
                <select id={`risk-${k}`} value={form[k]} onChange={(e) => setForm({ ...form, [k]: Number(e.target.value) })}>
                  {[1, 2, 3, 4, 5].map((v) => (
                    <option key={v}>{v}</option>
                  ))}
                </select>
              </Field>
            ))}
          </div>
        </CommandForm>
      </Section>
      <Section title="Åtgärder">
        <Loaded state={actions} what="åtgärderna">
          {(a) => (
            <div className="table-scroll">
              <table className="actions">
                <caption>Åtgärder i länet; försenade är markerade</caption>
                <thead>
                  <tr>
                    <th scope="col">Åtgärd</th>
                    <th scope="col">Organisation</th>
                    <th scope="col">Ansvarig</th>
                    <th scope="col">Klart senast</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {a.items.map((x) => (
                    <tr key={x.actionId} className={x.overdue ? 'overdue' : undefined}>
                      <th scope="row">{x.title}</th>
                      <td>{names[x.orgUnit] ?? x.orgUnit}</td>
                      <td>{x.owner}</td>
                      <td>
                        {formatDate(x.dueDate)} {x.overdue && <strong className="overdue-flag">Försenad</strong>}
                      </td>
                      <td>{STATUS[x.status] ?? x.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ActionForm actions={a.items} county={county} />
            </div>
          )}
        </Loaded>
      </Section>
    </Page>
  );
}
