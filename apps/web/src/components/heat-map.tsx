import { levelClass, levelText, LevelLegend } from './levels';

export interface HeatMapRow {
  code: string;
  name: string;
  values: Array<number | null | undefined>;
  note?: string;
}

/** Org units × areas, each cell coloured by its level and labelled with it (a plain table for screen readers). */
export function HeatMap({ caption, rowHeader, columns, rows }: { caption: string; rowHeader: string; columns: string[]; rows: HeatMapRow[] }) {
  return (
    <>
      <div className="table-scroll">
        <table className="heat-map">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  {row.name}
                  {row.note && <span className="row-note"> {row.note}</span>}
                </th>
                {row.values.map((v, i) => (
                  <td key={columns[i]} className={levelClass(v)} data-level={v ?? ''}>
                    {levelText(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LevelLegend />
    </>
  );
}
