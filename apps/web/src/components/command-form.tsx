import { useMutation } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { Role } from '../api/types';
import { hasRole, useSession } from '../auth/session';
import { useTimeMachine } from '../time-machine';
import { ErrorMessage } from './page';

/**
 * A form that sends one command: shows the api's error (and the fields it names), a
 * confirmation on success, and is off while the time machine shows the past. With `role`,
 * only users with that role see it (a national reader reads a county's pages, never writes).
 */
export function CommandForm({
  label,
  submitLabel,
  onSubmit,
  children,
  done,
  role,
  onEdit,
}: {
  label: string;
  submitLabel: string;
  onSubmit(): Promise<void>;
  children: ReactNode;
  done?: string;
  role?: Role;
  /** Called when the user starts another submission (to clear an outcome shown elsewhere). */
  onEdit?: () => void;
}) {
  const { asOf } = useTimeMachine();
  const { session } = useSession();
  const command = useMutation({ mutationFn: onSubmit });
  const { error, isPending: busy, isSuccess: ok } = command;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onEdit?.();
    command.mutate();
  };
  if (role && !(session && hasRole(session.user, role))) return null;
  if (asOf) return <p className="muted">{label}: inte tillgängligt i tidsmaskinen.</p>;
  return (
    <form onSubmit={submit} aria-label={label} noValidate className="command-form">
      {children}
      {error && <ErrorMessage error={error} />}
      {error instanceof ApiError && error.problem.errors && (
        <ul className="field-error">
          {error.problem.errors.map((e) => (
            <li key={e.path}>
              {e.path}: {e.message}
            </li>
          ))}
        </ul>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Sparar…' : submitLabel}
      </button>
      {ok && done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
    </form>
  );
}

export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
