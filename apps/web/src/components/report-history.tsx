import { useState } from 'react';
import type { AnswerValue, SituationReport, Template } from '../api/types';
import { formatDateTime } from '../format';
import { Section } from './page';

/** An answer as a user reads it: "3 Hög", "Ja", a number or the text. */
export function answerText(template: Template, itemId: string, value: AnswerValue | undefined): string {
  if (value === undefined || value === null) return '–';
  const item = template.areas.flatMap((a) => a.items).find((i) => i.id === itemId);
  if (item?.type === 'level') return `${value} ${template.scale.levels.find((l) => l.value === value)?.label ?? ''}`.trim();
  if (item?.type === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number') return value.toLocaleString('sv-SE');
  return String(value);
}

/**
 * The report's revisions (who, when, why) beside a diff: what the chosen revision changed
 * compared with the report before it.
 */
export function ReportHistory({ report, template }: { report: SituationReport; template: Template }) {
  // The latest revision until the user picks another.
  const [chosen, setChosen] = useState<number>();
  const revision = report.revisions[chosen ?? report.revisions.length - 1];
  const labels = Object.fromEntries(template.areas.flatMap((a) => a.items).map((i) => [i.id, i.label]));
  const before = new Map<string, AnswerValue>();
  for (const r of report.revisions.slice(0, Math.max(0, report.revisions.indexOf(revision!)))) for (const a of r.answers) before.set(a.item, a.value);
  return (
    <Section title="Historik">
      <div className="history">
        <ol className="revisions">
          {report.revisions.map((r, i) => (
            <li key={r.revision}>
              <button type="button" aria-pressed={revision === r} onClick={() => setChosen(i)}>
                <strong>{r.type === 'submitted' ? 'Inskickad' : 'Ändrad'}</strong> {formatDateTime(r.recordedAt)} av {r.by.name}
                {r.reason && <span className="reason">Skäl: {r.reason}</span>}
              </button>
            </li>
          ))}
        </ol>
        {revision && (
          <div className="diff">
            <table className="compact">
              <caption>
                {revision.type === 'submitted' ? 'Inskickade svar' : `Ändringar ${formatDateTime(revision.recordedAt)}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Fråga</th>
                  <th scope="col">Före</th>
                  <th scope="col">Efter</th>
                </tr>
              </thead>
              <tbody>
                {revision.answers.map((a) => (
                  <tr key={a.item}>
                    <th scope="row">{labels[a.item] ?? a.item}</th>
                    <td>
                      <del>{answerText(template, a.item, before.get(a.item))}</del>
                    </td>
                    <td>
                      <ins>{answerText(template, a.item, a.value)}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Section>
  );
}
