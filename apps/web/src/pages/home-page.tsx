import { useApiQuery } from '../api/use-api-query';
import { useSituation } from '../api/use-situation';
import { useOrgUnitName } from '../api/use-org-units';
import { hasRole, useSession } from '../auth/session';
import { NotificationList } from '../components/notification-list';
import { OwnTrends } from '../components/own-trends';
import { Loaded, Page, Section } from '../components/page';
import { SupportRequestForm } from '../components/support-request-form';
import { SupportRequestList } from '../components/support-request-list';
import { addMonths, formatDate, formatDateTime, formatPeriod } from '../format';
import { Link } from '../router';
import { lastMonth, thisMonth } from '../roles';

/**
 * The reporter's start: the month due and its form, what the county said back, the unit's
 * support requests with every answer, its notifications, and its own trends beside the
 * county's picture. The month due is the one just ended: its deadline falls in this month.
 */
export function HomePage() {
  const { session } = useSession();
  if (!session || !hasRole(session.user, 'municipal_reporter'))
    return (
      <Page title="Start">
        <p className="notice">Startsidan visar en kommuns månad: den är till för kommunernas rapportörer. Menyn ovan visar det som din roll når.</p>
      </Page>
    );
  return <ReporterHome org={session.user.org} />;
}

function ReporterHome({ org }: { org: string }) {
  const due = lastMonth();
  const name = useOrgUnitName(org);
  const situation = useSituation<'municipality' | 'district'>(org, { period: due });
  // The county's assessment comes after the deadline: the newest feedback is often the month before's.
  const before = useSituation<'municipality' | 'district'>(org, { period: addMonths(due, -1) });
  const requests = useApiQuery(`/org-units/${org}/support-requests`);
  const notifications = useApiQuery('/notifications');
  const template = useApiQuery('/templates/current');
  const feedback = [situation.data, before.data].flatMap((s) => (s ? s.feedback.map((f) => ({ ...f, period: s.period })) : []));

  return (
    <Page title={name ? `Start – ${name}` : 'Start'}>
      <Section title="Att rapportera" id="due">
        <Loaded state={situation} what="månadens status">
          {(s) =>
            s.reported ? (
              <>
                <p className="ok" data-testid="due-status">
                  Rapporten för {formatPeriod(due)} är inskickad{s.submittedAt ? ` ${formatDateTime(s.submittedAt)}` : ''}
                  {s.late ? ', efter sista dag' : ''}.
                </p>
                <p>
                  <Link to={`/rapport/${org}/${due}`}>Visa rapporten för {formatPeriod(due)}</Link> ·{' '}
                  <Link to={`/rapport/${org}/${thisMonth()}`}>Börja på rapporten för {formatPeriod(thisMonth())}</Link>
                </p>
              </>
            ) : (
              <>
                <p className="not-approved" data-testid="due-status">
                  Rapporten för {formatPeriod(due)} är inte inskickad.
                </p>
                <p>
                  <Link to={`/rapport/${org}/${due}`} className="button-link">
                    Fyll i rapporten för {formatPeriod(due)}
                  </Link>
                </p>
              </>
            )
          }
        </Loaded>
      </Section>
      <div className="two-columns">
        <Section title="Återkoppling från länet" id="feedback">
          {situation.data && before.data && feedback.length === 0 && <p>Ingen återkoppling för {formatPeriod(addMonths(due, -1))} eller {formatPeriod(due)} ännu.</p>}
          <ul className="feedback">
            {feedback.map((f) => (
              <li key={`${f.period}-${f.at}-${f.message}`}>
                <strong>
                  {f.from} om {formatPeriod(f.period)}
                </strong>{' '}
                <span className="muted">({formatDate(f.at)})</span>: <span className="message">{f.message}</span>
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Meddelanden" id="notifications">
          <Loaded state={notifications} what="meddelandena">
            {(n) => <NotificationList items={n.items.slice(-10)} />}
          </Loaded>
        </Section>
      </div>
      <Section title="Stödbegäranden" id="support-requests">
        <Loaded state={requests} what="stödbegärandena">
          {(r) => <SupportRequestList requests={r.items} />}
        </Loaded>
        <SupportRequestForm municipality={org} />
      </Section>
      <Section title="Egna trender och länets bild" id="trends">
        <p>
          Vänster: {name ? `${name}` : 'kommunens'} egen nivå de senaste 24 månaderna. Höger: hur länets kommuner fördelade sig på nivåerna för {formatPeriod(due)}
          {situation.data?.county && ` (${situation.data.county.completeness.reported} av ${situation.data.county.completeness.expected} har rapporterat)`}.
        </p>
        {template.data && name ? <OwnTrends org={org} name={name} period={due} template={template.data} county={situation.data?.county} /> : <p role="status">Hämtar trenderna…</p>}
      </Section>
    </Page>
  );
}
