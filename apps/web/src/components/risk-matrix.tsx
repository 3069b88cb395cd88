export interface Cell {
  likelihood: number;
  consequence: number;
}

/** MSB's 5×5 matrix (likelihood × consequence): each cell a button that picks the risks in it. */
export function RiskMatrixGrid({ cells, selected, onSelect }: { cells: number[][]; selected?: Cell; onSelect(cell: Cell | undefined): void }) {
  const rows = [5, 4, 3, 2, 1];
  const columns = [1, 2, 3, 4, 5];
  return (
    <table className="risk-matrix">
      <caption>Riskmatris: antal öppna risker per sannolikhet och konsekvens. Välj en ruta för att visa dess risker.</caption>
      <thead>
        <tr>
          <th scope="col">Sannolikhet ↓ / Konsekvens →</th>
          {columns.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((l) => (
          <tr key={l}>
            <th scope="row">{l}</th>
            {columns.map((c) => {
              const count = cells[l - 1]?.[c - 1] ?? 0;
              const pressed = selected?.likelihood === l && selected.consequence === c;
              const score = l * c;
              return (
                <td key={c} className={`risk-cell ${score >= 15 ? 'risk-high' : score >= 8 ? 'risk-medium' : 'risk-low'}`}>
                  <button
                    type="button"
                    aria-pressed={pressed}
                    aria-label={`Sannolikhet ${l}, konsekvens ${c}: ${count} ${count === 1 ? 'risk' : 'risker'}`}
                    onClick={() => onSelect(pressed ? undefined : { likelihood: l, consequence: c })}
                  >
                    {count}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
