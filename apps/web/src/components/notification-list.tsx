import type { Notification } from '../api/types';
import { NOTIFICATION_KIND_LABELS, formatDateTime } from '../format';

/** Notifications, newest first, each with its kind and moment; `unreadAfter` marks the ones not seen yet. */
export function NotificationList({ items, unreadAfter }: { items: Notification[]; unreadAfter?: bigint }) {
  if (items.length === 0) return <p>Inga meddelanden.</p>;
  return (
    <ul className="notifications">
      {[...items].reverse().map((n) => {
        const unread = unreadAfter !== undefined && BigInt(n.position) > unreadAfter;
        return (
          <li key={n.id} className={unread ? 'unread' : undefined}>
            <span className="kind">
              {NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind}
              {unread && <span className="new"> (ny)</span>}
            </span>{' '}
            <span className="message">{n.message}</span> <span className="muted">{formatDateTime(n.at)}</span>
          </li>
        );
      })}
    </ul>
  );
}
