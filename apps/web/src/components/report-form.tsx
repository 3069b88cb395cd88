import { useId } from 'react';
import { ApiError } from '../api/client';
import type { Answer, AnswerValue, Template, TemplateItem, Trend } from '../api/types';

/** The form's state for one item: the value as typed, and its trend, comment and sources. */
export interface Draft {
  value: string;
  trend: Trend | '';
  comment: string;
  sources: string[];
}

export type Drafts = Record<string, Draft>;

export function draftsFrom(template: Template, answers: Answer[] = []): Drafts {
  const drafts: Drafts = {};
  for (const area of template.areas)
    for (const item of area.items) {
      const a = answers.find((x) => x.item === item.id);
      drafts[item.id] = { value: a === undefined ? '' : String(a.value), trend: a?.trend ?? '', comment: a?.comment ?? '', sources: a?.sources ?? [] };
    }
  return drafts;
}

/** The typed value sent to the api: a level or count as a number (the api checks its range), yes/no as a boolean. */
function valueOf(item: TemplateItem, raw: string): AnswerValue {
  if (item.type === 'boolean') return raw === 'true';
  if (item.type === 'text') return raw;
  return raw.trim() === '' ? NaN : Number(raw);
}

/** The answers of the drafts (all, or only those that differ from `before`). */
export function answersOf(template: Template, drafts: Drafts, before?: Answer[]): Answer[] {
  const answers: Answer[] = [];
  for (const area of template.areas)
    for (const item of area.items) {
      const d = drafts[item.id]!;
      if (d.value === '' && !before) continue;
      const answer: Answer = { item: item.id, value: valueOf(item, d.value) };
      if (d.trend) answer.trend = d.trend;
      if (d.comment.trim()) answer.comment = d.comment.trim();
      if (d.sources.length) answer.sources = d.sources;
      if (before) {
        const old = before.find((a) => a.item === item.id);
        const same = old && JSON.stringify({ ...old, sources: old.sources ?? [] }) === JSON.stringify({ ...answer, sources: answer.sources ?? [] });
        if (same || (!old && d.value === '')) continue;
      }
      answers.push(answer);
    }
  return answers;
}

/** What a value must be, in Swedish, by the item's type (the api's own message follows it). */
const VALUE_RULES: Record<string, string> = {
  level: 'Välj en nivå från 0 till 4.',
  count: 'Ange ett antal: ett heltal, 0 eller mer.',
  boolean: 'Välj ja eller nej.',
  text: 'Skriv en text.',
};

/** The api's errors (`answers.3.value`) placed by item id, through the answers that were sent. */
export function fieldErrors(error: unknown, sent: Answer[], template: Template): { byItem: Record<string, string>; other: string[] } {
  const byItem: Record<string, string> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { byItem, other };
  const types = Object.fromEntries(template.areas.flatMap((a) => a.items.map((i) => [i.id, i.type])));
  for (const e of error.problem.errors ?? []) {
    const match = /^answers\.(\d+)(\..+)?$/.exec(e.path);
    const item = match ? sent[Number(match[1])]?.item : undefined;
    const message = item && match?.[2] === '.value' ? `${VALUE_RULES[types[item] ?? ''] ?? ''} (${e.message})`.trim() : e.message;
    if (item) byItem[item] = byItem[item] ? `${byItem[item]} ${message}` : message;
    else other.push(`${e.path}: ${e.message}`);
  }
  return { byItem, other };
}

interface Props {
  template: Template;
  drafts: Drafts;
  onChange(drafts: Drafts): void;
  errors: Record<string, string>;
  disabled?: boolean;
}

/** Every area of the template with its items: levels as a 0–4 choice, counts, yes/no, text; trend, comment and sources. */
export function ReportFields({ template, drafts, onChange, errors, disabled }: Props) {
  const set = (item: string, change: Partial<Draft>) => onChange({ ...drafts, [item]: { ...drafts[item]!, ...change } });
  return (
    <>
      {template.areas.map((area) => (
        <fieldset key={area.id} className="area" disabled={disabled}>
          <legend>{area.label}</legend>
          {area.items.map((item) => (
            <ItemField key={item.id} template={template} item={item} draft={drafts[item.id]!} error={errors[item.id]} onChange={(c) => set(item.id, c)} />
          ))}
        </fieldset>
      ))}
    </>
  );
}

function ItemField({ template, item, draft, error, onChange }: { template: Template; item: TemplateItem; draft: Draft; error?: string; onChange(c: Partial<Draft>): void }) {
  const id = `f-${item.id}`;
  const errorId = `e-${item.id}`;
  const described = error ? errorId : undefined;
  const invalid = error ? true : undefined;
  return (
    <div className={`item${error ? ' has-error' : ''}`} data-item={item.id}>
      {item.type === 'level' || item.type === 'boolean' ? (
        <fieldset className="choice" aria-describedby={described} aria-invalid={invalid}>
          <legend>{item.label}</legend>
          {(item.type === 'level' ? template.scale.levels.map((l) => ({ value: String(l.value), label: `${l.value} ${l.label}` })) : [
            { value: 'true', label: 'Ja' },
            { value: 'false', label: 'Nej' },
          ]).map((option, i) => (
            <label key={option.value} className="radio">
              <input type="radio" id={i === 0 ? id : undefined} name={id} value={option.value} checked={draft.value === option.value} onChange={() => onChange({ value: option.value })} />
              {option.label}
            </label>
          ))}
        </fieldset>
      ) : (
        <>
          <label htmlFor={id}>{item.label}</label>
          {item.type === 'count' ? (
            <input id={id} type="number" inputMode="numeric" className="count" value={draft.value} aria-invalid={invalid} aria-describedby={described} onChange={(e) => onChange({ value: e.target.value })} />
          ) : (
            <textarea id={id} rows={2} value={draft.value} aria-invalid={invalid} aria-describedby={described} onChange={(e) => onChange({ value: e.target.value })} />
          )}
        </>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {item.type !== 'text' && (
        <div className="item-extra">
          <label htmlFor={`${id}-trend`}>Trend</label>
          <select id={`${id}-trend`} value={draft.trend} onChange={(e) => onChange({ trend: e.target.value as Trend | '' })}>
            <option value="">Ej angiven</option>
            {template.trends.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
          <details>
            <summary>Kommentar och källor{draft.comment || draft.sources.length ? ' (ifyllt)' : ''}</summary>
            <label htmlFor={`${id}-comment`}>Kommentar</label>
            <textarea id={`${id}-comment`} rows={2} value={draft.comment} onChange={(e) => onChange({ comment: e.target.value })} />
            <SourcePicker legend="Källor för svaret" options={template.sources} value={draft.sources} onChange={(sources) => onChange({ sources })} />
          </details>
        </div>
      )}
    </div>
  );
}

export function SourcePicker({ legend, options, value, onChange }: { legend: string; options: Array<{ value: string; label: string }>; value: string[]; onChange(v: string[]): void }) {
  return (
    <fieldset className="sources">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The form's frame: an error summary on top (linking to each field), the fields, and a submit button. */
export function ErrorSummary({ byItem, other, template }: { byItem: Record<string, string>; other: string[]; template: Template }) {
  const id = useId();
  const items = template.areas.flatMap((a) => a.items).filter((i) => byItem[i.id]);
  if (items.length === 0 && other.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={id} tabIndex={-1}>
      <h2 id={id}>Rapporten kunde inte sparas – rätta {items.length + other.length === 1 ? 'felet' : 'felen'}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            <a href={`#f-${i.id}`}>
              {i.label}: {byItem[i.id]}
            </a>
          </li>
        ))}
        {other.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
    </div>
  );
}
