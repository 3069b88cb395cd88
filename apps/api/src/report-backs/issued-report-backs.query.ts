import { type ReportBackEvent, reportBackStreamId } from '@lagesbild/domain';
import { type EventStore, eventsOf, hashAt } from '@lagesbild/event-store';

/** The log digest a document was made from: the chain hash at its position, printed in it. */
export interface LogDigest {
  position: string;
  hash: string;
}

export interface IssuedReportBackItem {
  id: string;
  title: string;
  reference: string;
  from: string;
  to: string;
  issuedAt: string;
  issuedBy?: string;
  logDigest?: LogDigest;
  /** The PDF's SHA-256: the document as sent. */
  sha256: string;
}

const isIssued = eventsOf<ReportBackEvent>('ReportBackIssued');
/** Every report-back's stream and no other ('.' is the character after '-'). */
const REPORT_BACK_STREAMS = { from: reportBackStreamId(''), to: 'report-back.' };

/** The log digest at a position (none before the first event). */
export async function logDigestOf(store: EventStore, position: string): Promise<LogDigest | undefined> {
  const hash = await hashAt(store, BigInt(position));
  return hash === undefined ? undefined : { position, hash };
}

/**
 * A county's issued report-backs up to a position, oldest first, each with the log digest it was made from: the
 * copies the government keeps are anchors the log can be checked against (`verify --anchor`).
 */
export async function issuedReportBacks(store: EventStore, county: string, upTo: bigint): Promise<IssuedReportBackItem[]> {
  const items: IssuedReportBackItem[] = [];
  for await (const event of store.readAll({ toPosition: upTo, select: [{ types: ['ReportBackIssued'], streams: REPORT_BACK_STREAMS }] })) {
    if (!isIssued(event) || event.data.county !== county) continue;
    const { reportBackId, title, reference, from, to, asOfPosition, sha256 } = event.data;
    const issuedBy = event.metadata.actor?.name;
    const logDigest = await logDigestOf(store, asOfPosition);
    items.push({ id: reportBackId, title, reference, from, to, issuedAt: event.recordedAt, ...(issuedBy ? { issuedBy } : {}), ...(logDigest ? { logDigest } : {}), sha256: sha256.pdf });
  }
  return items;
}
