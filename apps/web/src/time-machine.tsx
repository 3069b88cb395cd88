import { type FormEvent, type ReactNode, createContext, useContext, useId, useMemo, useState } from 'react';
import { formatDateTime } from './format';

/**
 * The time machine: one moment ("as of") for the whole UI. While it is set every query
 * carries `asOf=`, the page is marked, and commands are off (the past is read, not changed).
 */
interface TimeMachine {
  asOf: string | undefined;
  setAsOf(iso: string | undefined): void;
}

const KEY = 'lagesbild.asOf';
const Context = createContext<TimeMachine | null>(null);

export function TimeMachineProvider({ children }: { children: ReactNode }) {
  const [asOf, setState] = useState<string | undefined>(() => sessionStorage.getItem(KEY) ?? undefined);
  const value = useMemo(
    () => ({
      asOf,
      setAsOf(iso: string | undefined) {
        if (iso) sessionStorage.setItem(KEY, iso);
        else sessionStorage.removeItem(KEY);
        setState(iso);
      },
    }),
    [asOf],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useTimeMachine(): TimeMachine {
  const context = useContext(Context);
  if (!context) throw new Error('useTimeMachine outside TimeMachineProvider');
  return context;
}

/** `2026-10-03T14:05` in the browser's time zone, for a datetime-local input. */
function localInputValue(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function TimeMachineControl() {
  const { asOf, setAsOf } = useTimeMachine();
  const [draft, setDraft] = useState(() => (asOf ? localInputValue(asOf) : ''));
  const [problem, setProblem] = useState<string>();
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const moment = new Date(draft);
    if (!draft || Number.isNaN(moment.getTime())) return setProblem('Ange datum och tid.');
    if (moment.getTime() > Date.now()) return setProblem('Tidpunkten ligger i framtiden.');
    setProblem(undefined);
    setAsOf(moment.toISOString());
  };
  return (
    <form className="time-machine" onSubmit={submit} aria-label="Tidsmaskin">
      <label htmlFor={`${id}-asof`}>Visa läget per</label>
      <input id={`${id}-asof`} type="datetime-local" step="1" value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby={problem ? `${id}-problem` : undefined} />
      <button type="submit">Visa</button>
      {asOf && (
        <button
          type="button"
          onClick={() => {
            setAsOf(undefined);
            setDraft('');
          }}
        >
          Tillbaka till nu
        </button>
      )}
      {problem && (
        <span id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}

export function TimeMachineBanner() {
  const { asOf } = useTimeMachine();
  if (!asOf) return null;
  return (
    <div className="time-banner" role="status" data-testid="time-banner">
      <strong>Tidsmaskin:</strong> du ser det som var registrerat den {formatDateTime(asOf)}. Inget kan ändras i det här läget.
    </div>
  );
}
