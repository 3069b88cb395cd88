import { DEMO_USERS } from '@lagesbild/auth';
import {
  type Period,
  type TemplateDefinition,
  addMonths,
  deadlineOf,
  draftDecider,
  draftStreamId,
  periodOf,
  reminderDecider,
  reminderStreamId,
  remindersDue,
  situationReportDecider,
  situationReportStreamId,
  supportCaseDecider,
  supportCaseStreamId,
  supportRequestDecider,
  supportRequestStreamId,
} from '@lagesbild/domain';
import { type Actor, uuidFrom } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { MunicipalityProfile } from './municipality-profile.js';
import type { SeededRandom } from './random.js';
import { HOUR, type Step, isoDate, step } from './scenario-step.js';

const actorOf = (id: string): Actor => {
  const { roles, ...user } = DEMO_USERS.find((u) => u.id === id)!;
  return { ...user, roles: [...roles] };
};
const KIM = actorOf('kim.kommun');
const LI = actorOf('li.lan');
const SAM = actorOf('sam.stod');
const DEMO_MUNICIPALITY = '2085';
const STOCKHOLM = '0180';

/**
 * What the demo adds to Dalarna's history so that every part of the loop shows: Ludvika's report
 * for the period now due is a draft in progress (its submission is left out), the reminders of
 * that period, support cases and support requests in each state, and Stockholm's districts
 * reporting the last two periods. All in the last days before `until`, after the history.
 */
export function demoLoop(units: OrgUnitRegistry, template: TemplateDefinition, history: readonly Step[], deadlineDay: number, until: Date, random: SeededRandom): Step[] {
  const due = addMonths(periodOf(until), -1);
  const left = history.filter((s) => s.streamId !== situationReportStreamId(DEMO_MUNICIPALITY, due));
  // The reminders at their own moments, among the history; the rest after it.
  const reminded = [addMonths(due, -2), addMonths(due, -1), due].flatMap((period) => reminders(units, left, period, deadlineDay, until));
  const merged = [...left, ...reminded].map((s, i) => ({ s, i })).sort((a, b) => a.s.at - b.s.at || a.i - b.i).map(({ s }) => s);
  const start = Math.max(merged[merged.length - 1]?.at ?? 0, until.getTime() - 3 * 24 * HOUR);
  const extras: Array<(at: number) => Step> = [
    ...draft(template, due, random),
    ...supportWork(),
    ...districtReports(units, template, due, random),
  ];
  // Spread evenly over the window, in order, each after the history and none after `until`.
  const gap = Math.max(1, Math.floor((until.getTime() - start) / (extras.length + 1)));
  return [...merged, ...extras.map((make, i) => make(start + gap * (i + 1)))];
}

/** A period's reminders (two days before its deadline, and just after it) for the units whose report the history has not brought in by then. */
function reminders(units: OrgUnitRegistry, history: readonly Step[], period: Period, deadlineDay: number, until: Date): Step[] {
  const deadline = Date.parse(deadlineOf(period, deadlineDay));
  const moments = [deadline - 2 * 24 * HOUR, deadline + HOUR].filter((m) => m <= until.getTime());
  const municipalities = units.municipalitiesOf('20').map((m) => m.code);
  return moments.flatMap((moment) => {
    const reported = (code: string) => history.some((s) => s.streamId === situationReportStreamId(code, period) && s.at <= moment);
    return remindersDue(new Date(moment), deadlineDay, municipalities, reported).map((r) => {
      const id = uuidFrom(`reminder\u0000${r.kind}\u0000${r.orgUnit}\u0000${r.period}`);
      return step(moment, { id: 'lagesbild', name: 'Lägesbild (påminnelser)', roles: [], org: 'SE' }, reminderDecider, reminderStreamId(id), { type: 'RecordReminder', ...r, county: '20' });
    });
  });
}

/** Ludvika's report for the period due, begun by Kim and saved twice. */
function draft(template: TemplateDefinition, period: Period, random: SeededRandom): Array<(at: number) => Step> {
  const answers = new MunicipalityProfile(random.fork('demo-draft'), template).answers(template);
  const save = (part: typeof answers, summary?: string) => (at: number) =>
    step(at, KIM, draftDecider, draftStreamId(DEMO_MUNICIPALITY, period), {
      type: 'SaveDraft',
      orgUnit: DEMO_MUNICIPALITY,
      period,
      template,
      answers: part,
      ...(summary ? { summary } : {}),
      reportSubmitted: false,
    });
  return [save(answers.slice(0, 3), 'Påbörjad: oro kring centrum under hösten.'), save(answers.slice(3, 6))];
}

/** Three support cases (no personal data in the demo) and four support requests, one in each state. */
function supportWork(): Array<(at: number) => Step> {
  const caseId = (n: number) => uuidFrom(`demo-support-case-${n}`);
  const requestId = (n: number) => uuidFrom(`demo-support-request-${n}`);
  const opening = (n: number, orgUnit: string, category: string, requestedSupport: string) => (at: number) =>
    step(at, SAM, supportCaseDecider, supportCaseStreamId(caseId(n)), { type: 'OpenSupportCase', caseId: caseId(n), orgUnit, county: '20', category, requestedSupport, today: isoDate(at) });
  const request = (n: number, orgUnit: string, description: string) => (at: number) =>
    step(at, KIM, supportRequestDecider, supportRequestStreamId(requestId(n)), { type: 'OpenSupportRequest', requestId: requestId(n), orgUnit, county: '20', description, source: { direct: true } });
  const answer = (n: number, command: Parameters<typeof supportRequestDecider.decide>[0], who = LI) => (at: number) =>
    step(at, who, supportRequestDecider, supportRequestStreamId(requestId(n)), command, command.type === 'DeclineSupportRequest' ? command.reason : undefined);
  return [
    opening(1, '2085', 'radicalisation-concern', 'Stöd i samtal med en familj om oro för radikalisering'),
    (at) => step(at, SAM, supportCaseDecider, supportCaseStreamId(caseId(1)), { type: 'RecordConsultation', date: isoDate(at), summary: 'Samråd med skolans kurator och socialtjänsten', today: isoDate(at) }),
    opening(2, '2080', 'violent-extremism', 'Konsultation om en våldsbejakande miljö'),
    (at) => step(at, SAM, supportCaseDecider, supportCaseStreamId(caseId(2)), { type: 'ReferSupportCase', to: 'cve', note: 'Hänvisat till Center mot våldsbejakande extremism', today: isoDate(at) }),
    opening(3, '2062', 'other', 'Råd om anmälan till socialtjänsten'),
    (at) => step(at, SAM, supportCaseDecider, supportCaseStreamId(caseId(3)), { type: 'CloseSupportCase', outcome: 'Råd givna; kommunen hanterar ärendet vidare' }),
    request(1, '2085', 'Stöd kring oro för ungdomsgrupper i centrum'),
    request(2, '2085', 'Utbildning för skolpersonal om våldsbejakande extremism'),
    answer(2, { type: 'AcknowledgeSupportRequest', reply: 'Tack, vi återkommer med förslag på datum inom två veckor.' }, SAM),
    request(3, '2085', 'Hjälp att ta fram en lokal lägesbild för ANDT'),
    answer(3, { type: 'ResolveSupportRequest', outcome: 'Samordnaren har hjälpt kommunen; ärendet är avslutat.', supportCaseId: caseId(1) }),
    request(4, '2085', 'Finansiering av en ny fritidsgård'),
    answer(4, { type: 'DeclineSupportRequest', reason: 'Länsstyrelsen kan inte finansiera lokaler; kontakta kommunens förvaltning.' }),
  ];
}

/** Stockholm's districts report the last two periods, each by its own reporter. */
function districtReports(units: OrgUnitRegistry, template: TemplateDefinition, due: Period, random: SeededRandom): Array<(at: number) => Step> {
  const districts = units.children(STOCKHOLM).filter((u) => u.kind === 'district');
  return [addMonths(due, -1), due].flatMap((period) =>
    districts
      .filter((_, i) => period !== due || i % 3 !== 0)
      .map((d) => (at: number) => {
        const answers = new MunicipalityProfile(random.fork(`demo-district-${d.code}-${period}`), template).answers(template);
        const reporterOf: Actor = { id: `rapportor-${d.code}`, name: `Rapportör ${d.name}`, roles: ['municipal_reporter'], org: d.code };
        return step(at, reporterOf, situationReportDecider, situationReportStreamId(d.code, period), {
          type: 'SubmitSituationReport',
          orgUnit: d.code,
          period,
          template,
          answers,
          sources: ['school', 'social-services'],
          submittedAt: new Date(at).toISOString(),
          deadline: deadlineOf(period, 10),
          periodApproved: false,
        });
      }),
  );
}
