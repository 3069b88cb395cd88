import { useEffect, useId, useState } from 'react';

import { useApiQuery } from '../api/use-api-query';
import { useSession } from '../auth/session';
import { NotificationList } from './notification-list';

/** How often the bell asks for new notifications while the app is open. */
const POLL_MS = 30_000;

/** The last notification position this user has seen, kept in this browser (a position only: nothing personal). */
const seenKey = (user: string) => `lagesbild.notifications.seen.${user}`;
const seenBy = (user: string): bigint => {
  const stored = localStorage.getItem(seenKey(user));
  return stored && /^\d+$/.test(stored) ? BigInt(stored) : 0n;
};

/** The header's bell: how many notifications are unread, and the list, which marks them read when it opens. */
export function NotificationBell() {
  const { session } = useSession();
  const user = session?.user.id ?? '';
  const feed = useApiQuery('/notifications', {}, { refetchInterval: POLL_MS });
  const [seen, setSeen] = useState(() => seenBy(user));
  // What was unread when the list opened stays marked as new while it is open.
  const [open, setOpen] = useState<bigint>();
  const panel = useId();
  const items = feed.data?.items ?? [];
  const unread = items.filter((n) => BigInt(n.position) > seen).length;

  const toggle = () => {
    if (open !== undefined) return setOpen(undefined);
    setOpen(seen);
    const latest = items.reduce((max, n) => (BigInt(n.position) > max ? BigInt(n.position) : max), seen);
    localStorage.setItem(seenKey(user), latest.toString());
    setSeen(latest);
  };
  useEffect(() => {
    if (open === undefined) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(undefined);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="bell">
      <button type="button" aria-expanded={open !== undefined} aria-controls={panel} onClick={toggle} data-testid="bell">
        <BellIcon /> Meddelanden{' '}
        <span className="badge" data-testid="unread">
          {unread}
        </span>
        <span className="visually-hidden"> olästa</span>
      </button>
      {/* Focusable: a long list scrolls inside the panel, and a keyboard must reach it to scroll it. */}
      <div id={panel} className="bell-panel" hidden={open === undefined} role="region" aria-label="Dina meddelanden" tabIndex={0}>
        <h2>Meddelanden</h2>
        <NotificationList items={items} unreadAfter={open} />
      </div>
    </div>
  );
}

/** Drawn, not an emoji: a font without one would show an empty box. */
function BellIcon() {
  return (
    <svg className="bell-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M12 2a6 6 0 0 0-6 6v4.5L4 16v1h16v-1l-2-3.5V8a6 6 0 0 0-6-6zm0 20a2.5 2.5 0 0 0 2.5-2.5h-5A2.5 2.5 0 0 0 12 22z" fill="currentColor" />
    </svg>
  );
}
