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

/** `2026-10-03 14:05` (seconds when there are any) in the browser's time zone: how a Swedish reader writes a moment. */
function localInputValue(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}${d.getSeconds() ? `:${pad(d.getSeconds())}` : ''}`;
}

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2})[:.](\d{2})(?:[:.](\d{2}))?$/;

/** A moment written as `2026-12-07 14:30` (or with seconds), in the browser's time zone; undefined when it is no real moment (30 February). */
export function parseLocalMoment(text: string): Date | undefined {
  const parts = MOMENT.exec(text.trim())?.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts as [number, number, number, number, number, number];
  const moment = new Date(year, month - 1, day, hour, minute, second);
  const exact = moment.getFullYear() === year && moment.getMonth() === month - 1 && moment.getDate() === day && moment.getHours() === hour && moment.getMinutes() === minute;
  return exact ? moment : undefined;
}

export function TimeMachineControl() {
  const { asOf, setAsOf } = useTimeMachine();
  const [draft, setDraft] = useState(() => (asOf ? localInputValue(asOf) : ''));
  const [problem, setProblem] = useState<string>();
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const moment = parseLocalMoment(draft);
    if (!moment) return setProblem('Ange datum och tid som 2026-12-07 14:30.');
    if (moment.getTime() > Date.now()) return setProblem('Tidpunkten ligger i framtiden.');
    setProblem(undefined);
    setAsOf(moment.toISOString());
  };
  return (
    <form className="time-machine" onSubmit={submit} aria-label="Tidsmaskin">
      <label htmlFor={`${id}-asof`}>Visa läget per</label>
      {/* A text field in the Swedish way: a date-time input shows the browser's own locale (mm/dd/yyyy in many). */}
      <input
        id={`${id}-asof`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="2026-12-07 14:30"
        size={19}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        som år-månad-dag timme:minut, till exempel 2026-12-07 14:30
      </span>
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
