import { type ReactNode, useEffect, useRef } from 'react';
import { describeError } from '../api/client';

/** A page: its title in the tab and in an h1 that takes focus when the page opens (screen readers hear where they are). */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Lägesbild`;
    heading.current?.focus();
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </>
  );
}

/** Loading, error or the content of a query. */
export function Loaded<T>({ state, children, what }: { state: { data: T | undefined; error: unknown }; what: string; children: (data: T) => ReactNode }) {
  if (state.error) return <ErrorMessage error={state.error} />;
  if (state.data === undefined)
    return (
      <p className="loading" role="status">
        Hämtar {what}…
      </p>
    );
  return <>{children(state.data)}</>;
}

export function ErrorMessage({ error }: { error: unknown }) {
  return (
    <p className="error-message" role="alert">
      {describeError(error)}
    </p>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section className="card" aria-labelledby={id ?? undefined}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
