import type { NotificationKind } from '@lagesbild/domain';

const SUBJECTS: Record<NotificationKind, string> = {
  'report-due': 'Påminnelse: lägesbilden ska lämnas',
  'report-missing': 'Lägesbilden har inte kommit in',
  feedback: 'Återkoppling från länsstyrelsen',
  'support-request': 'Ny stödbegäran',
  'support-request-answered': 'Svar på er stödbegäran',
  'follow-up': 'Länsstyrelsen ber er kontrollera ett värde',
  'period-reopened': 'En period har öppnats igen',
};

/** Where in the web app a notification leads. */
function pathOf(notification: { kind: NotificationKind; orgUnit: string; period?: string }): string {
  const aboutAReport = ['report-due', 'report-missing', 'feedback', 'follow-up'].includes(notification.kind);
  return aboutAReport && notification.period ? `/rapport/${notification.orgUnit}/${notification.period}` : '/';
}

/** A notification's mail: a Swedish subject, its message and a link into the web app. */
export function mailOf(notification: { kind: NotificationKind; orgUnit: string; period?: string; message: string }, appUrl: string) {
  const link = `${appUrl.replace(/\/$/, '')}${pathOf(notification)}`;
  return {
    subject: `Lägesbild: ${SUBJECTS[notification.kind]}`,
    text: `${notification.message}\n\nÖppna Lägesbild: ${link}\n\nDetta meddelande skickades automatiskt av Lägesbild. Du kan ändra vilka meddelanden du får under Inställningar.\n`,
  };
}
