import {
  type Answer,
  type Decider,
  type Period,
  type TemplateDefinition,
  TIME_KINDS,
  actionDecider,
  actionStreamId,
  activityDecider,
  activityStreamId,
  assessmentDecider,
  assessmentStreamId,
  countyApprovalDecider,
  countyApprovalStreamId,
  countySettingsDecider,
  countySettingsStreamId,
  deadlineOf,
  goalDecider,
  goalStreamId,
  narrativeDecider,
  narrativeStreamId,
  nextPeriod,
  periodsBetween,
  addMonths,
  readinessDecider,
  readinessStreamId,
  riskDecider,
  riskStreamId,
  situationReportDecider,
  situationReportStreamId,
  timeEntryDecider,
  timeEntryStreamId,
} from '@lagesbild/domain';
import { type Actor, type CommandContext, type CommandResult, type EventStore, handleCommand, uuidFrom } from '@lagesbild/event-store';
import type { OrgUnit, OrgUnitRegistry } from '@lagesbild/reference-data';
import { SeededRandom } from './random.js';
import * as text from './texts.js';

/** One command of the simulated history, at its moment. */
export interface Step {
  at: number;
  streamId: string;
  actor: Actor;
  reason?: string;
  run(store: EventStore, context: CommandContext): Promise<CommandResult>;
}

export interface ScenarioOptions {
  /** The counties whose municipalities report (`['20']` for the demo, every county nationally). */
  counties: string[];
  /** How many months of reports, ending with the month before `until`. */
  months: number;
  seed: number;
  /** The end of the simulated history: nothing happens after it. */
  until: Date;
  /** Narrative sections and a reopened period, as a demo shows them. */
  narrative: boolean;
}

export interface Scenario {
  steps: Step[];
  periods: Period[];
  municipalities: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A moment in a month: day, hour and minute in UTC (Swedish office hours are 7–16 UTC). */
function momentIn(period: Period, day: number, hour: number, minute = 0): number {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return Date.UTC(year, month - 1, day, hour, minute);
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The `months` periods before the month of `until` (UTC). */
function periodsBefore(until: Date, months: number): Period[] {
  const current = until.toISOString().slice(0, 7);
  return periodsBetween(addMonths(current, -months), addMonths(current, -1));
}

function step<C, E extends { type: string; data: unknown }, S>(
  at: number,
  actor: Actor,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  reason?: string,
): Step {
  return { at, actor, streamId, ...(reason ? { reason } : {}), run: (store, context) => handleCommand(store, decider, streamId, command, context) };
}

const reporter = (unit: OrgUnit): Actor => ({ id: `rapportor-${unit.code}`, name: `Rapportör ${unit.name}`, roles: ['municipal_reporter'], org: unit.code });
const analyst = (county: OrgUnit, n: number): Actor => ({
  id: `analytiker-${county.code}-${n}`,
  name: `${n === 1 ? 'Analytiker' : 'Samordnare'} ${county.name}`,
  roles: ['county_analyst'],
  org: county.code,
});

/** How a municipality's picture moves: a level per level item, wandering slowly around its base. */
class MunicipalityProfile {
  readonly size: number;
  private readonly levels = new Map<string, { base: number; now: number }>();
  private readonly previous = new Map<string, number>();

  constructor(
    private readonly random: SeededRandom,
    template: TemplateDefinition,
  ) {
    this.size = random.chance(0.1) ? random.int(3, 6) : 0.5 + random.next() * 1.5;
    for (const area of template.areas) {
      for (const item of area.items) {
        if (item.type !== 'level') continue;
        const base = random.pick([0, 1, 1, 1, 2, 2, 2, 3]);
        this.levels.set(item.id, { base, now: base });
      }
    }
  }

  /** This month's answers to every item, with trends against last month and a few comments. */
  answers(template: TemplateDefinition): Answer[] {
    const r = this.random;
    const answers: Answer[] = [];
    for (const area of template.areas) {
      const areaLevel = this.levels.get(area.items.find((i) => i.type === 'level')?.id ?? '')?.now ?? 1;
      for (const item of area.items) {
        let value: number | boolean | string | undefined;
        switch (item.type) {
          case 'level': {
            const level = this.levels.get(item.id)!;
            if (r.chance(0.18)) level.now = Math.max(0, Math.min(4, level.now + (level.now > level.base ? -1 : level.now < level.base ? 1 : r.pick([-1, 1]))));
            value = level.now;
            break;
          }
          case 'count':
            value = r.poisson(this.size * (0.6 + areaLevel * 0.7));
            break;
          case 'boolean':
            value = r.chance(0.1 + areaLevel * 0.08);
            break;
          case 'text':
            value = r.chance(0.3) ? r.pick(text.HOTSPOTS) : undefined;
            break;
        }
        if (value === undefined) continue;
        const answer: Answer = { item: item.id, value };
        if (typeof value === 'number') {
          const before = this.previous.get(item.id);
          this.previous.set(item.id, value);
          answer.trend = before === undefined || r.chance(0.04) ? 'unknown' : value > before ? 'rising' : value < before ? 'falling' : 'unchanged';
        }
        if (item.type === 'level' && r.chance(0.12)) answer.comment = r.pick(text.ITEM_COMMENTS[area.id] ?? text.SUMMARIES);
        if (item.type === 'level' && r.chance(0.2)) answer.sources = r.some(template.sources.map((s) => s.value), r.int(1, 2));
        answers.push(answer);
      }
    }
    return answers;
  }

  /** A correction of one or two counts (what an amendment usually is). */
  correction(template: TemplateDefinition): Answer[] {
    const counts = template.areas.flatMap((a) => a.items).filter((i) => i.type === 'count');
    return this.random.some(counts, this.random.int(1, 2)).map((item) => ({ item: item.id, value: this.random.poisson(this.size * 2) + 1, trend: 'rising' as const }));
  }
}

/**
 * The simulated history of a county (or of all of them): monthly reports from every
 * municipality (some late, some amended, now and then one missing), the county's regional
 * assessment and approval of each period, risks with actions, readiness facts, activities,
 * time entries and goals. Deterministic: the same options give the same steps.
 */
export function buildScenario(units: OrgUnitRegistry, template: TemplateDefinition, options: ScenarioOptions): Scenario {
  const root = new SeededRandom(options.seed);
  const periods = periodsBefore(options.until, options.months);
  const steps: Step[] = [];
  let municipalities = 0;
  const knownAreas = template.areas.map((a) => a.id);
  const levelItemOf = new Map(template.areas.map((a) => [a.id, a.items.find((i) => i.type === 'level')?.id]));

  for (const countyCode of options.counties) {
    const county = units.get(countyCode)!;
    const r = root.fork(`county-${countyCode}`);
    const members = units.municipalitiesOf(countyCode);
    const countyUnits = units.within(countyCode).filter((u) => u.kind !== 'county').map((u) => u.code);
    municipalities += members.length;
    const analysts = [analyst(county, 1), analyst(county, 2)];
    const deadlineDay = r.pick([10, 10, 12, 15]);
    const start = momentIn(periods[0]!, 1, 7);
    const id = (kind: string, n: number | string) => uuidFrom(`seed:${options.seed}:${countyCode}:${kind}:${n}`);

    steps.push(step(start, analysts[0]!, countySettingsDecider, countySettingsStreamId(countyCode), { type: 'SetReportingDeadline', county: countyCode, deadlineDay }));

    // Readiness: coordinators appointed early, action plans adopted over the first year, some revised.
    for (const m of members) {
      const rm = r.fork(`readiness-${m.code}`);
      const facts: Array<[('coordinator-appointed' | 'action-plan-adopted' | 'action-plan-revised'), number]> = [['coordinator-appointed', start + rm.int(2, 40) * DAY]];
      if (rm.chance(0.8)) facts.push(['action-plan-adopted', start + rm.int(60, 330) * DAY]);
      if (facts.length === 2 && rm.chance(0.4)) facts.push(['action-plan-revised', facts[1]![1] + rm.int(300, 500) * DAY]);
      for (const [kind, at] of facts) {
        const date = isoDate(at);
        steps.push(
          step(at + 9 * HOUR, reporter(m), readinessDecider, readinessStreamId(m.code), {
            type: 'RecordReadinessFact',
            orgUnit: m.code,
            kind,
            date,
            reference: `KS ${date.slice(0, 4)}/${rm.int(10, 400)}`,
            today: date,
          }),
        );
      }
    }

    // Goals, with a status each quarter.
    const goalIds = text.GOALS.map((goal, n) => {
      const goalId = id('goal', n);
      steps.push(step(start + DAY + n * HOUR, analysts[0]!, goalDecider, goalStreamId(goalId), { type: 'DefineGoal', goalId, orgUnit: countyCode, kind: goal.kind, number: `${n + 1}`, text: goal.text }));
      return goalId;
    });

    const profiles = new Map(members.map((m) => [m.code, new MunicipalityProfile(r.fork(`profile-${m.code}`), template)]));
    let riskCount = 0;
    const openRisks: Array<{ id: string; orgUnit: string; area: string; identifiedAt: number }> = [];

    for (const period of periods) {
      const next = nextPeriod(period);
      const deadline = Date.parse(deadlineOf(period, deadlineDay));
      const approvalAt = momentIn(next, deadlineDay + 10, 13, r.int(0, 59));
      const levels = new Map<string, number[]>();
      const reported: OrgUnit[] = [];

      // The municipalities' reports, due by the deadline day of the next month.
      for (const m of members) {
        const profile = profiles.get(m.code)!;
        const answers = profile.answers(template);
        if (r.chance(0.01)) continue; // now and then a report never arrives
        reported.push(m);
        const late = r.chance(0.06);
        const submittedAt = late ? momentIn(next, deadlineDay + r.int(1, 8), r.int(7, 15), r.int(0, 59)) : momentIn(next, r.int(2, deadlineDay - 1), r.int(7, 15), r.int(0, 59));
        for (const a of answers) {
          const area = a.item.split('.')[0]!;
          if (levelItemOf.get(area) === a.item) levels.set(area, [...(levels.get(area) ?? []), a.value as number]);
        }
        const supportNeeded = r.chance(0.05) ? { needed: true, description: r.pick(text.SUPPORT_NEEDS) } : undefined;
        steps.push(
          step(submittedAt, reporter(m), situationReportDecider, situationReportStreamId(m.code, period), {
            type: 'SubmitSituationReport',
            orgUnit: m.code,
            period,
            template,
            answers,
            sources: r.some(template.sources.map((s) => s.value), r.int(2, 4)),
            summary: r.pick(text.SUMMARIES),
            ...(supportNeeded ? { supportNeeded } : {}),
            submittedAt: new Date(submittedAt).toISOString(),
            deadline: new Date(deadline).toISOString(),
            periodApproved: false,
          }),
        );
        // Some reports are amended before the county approves the period.
        const amendedAt = submittedAt + r.int(1, 8) * DAY + r.int(1, 5) * HOUR;
        if (r.chance(0.07) && amendedAt < approvalAt - DAY) {
          const reason = r.pick(text.AMENDMENT_REASONS);
          steps.push(
            step(amendedAt, reporter(m), situationReportDecider, situationReportStreamId(m.code, period), { type: 'AmendSituationReport', template, answers: profile.correction(template), reason, periodApproved: false }, reason),
          );
        }
      }

      // The county's regional assessment, then its approval of the period.
      const assessedAt = approvalAt - 2 * DAY;
      const areas = template.areas.map((area) => {
        const values = levels.get(area.id) ?? [1];
        return { area: area.id, level: Math.round(values.reduce((s, v) => s + v, 0) / values.length), text: r.pick(text.ASSESSMENT_TEXTS[area.id] ?? text.TREND_TEXTS) };
      });
      const feedback = r.some(members, r.int(0, 2)).map((m) => ({ orgUnit: m.code, message: r.pick(text.FEEDBACK) }));
      steps.push(
        step(assessedAt, analysts[0]!, assessmentDecider, assessmentStreamId(countyCode, period), {
          type: 'RecordAssessment',
          county: countyCode,
          period,
          areas,
          trends: r.pick(text.TREND_TEXTS),
          feedback,
          knownAreas,
          countyUnits,
        }),
      );
      steps.push(step(approvalAt, analysts[0]!, countyApprovalDecider, countyApprovalStreamId(countyCode, period), { type: 'ApproveCountyPeriod', county: countyCode, period, note: 'Fastställd efter avstämning.', approvedAt: new Date(approvalAt).toISOString() }));

      // Now and then a period is reopened for a correction and approved again.
      if (reported.length > 0 && r.chance(options.narrative ? 0.1 : 0.02)) {
        const reopenedAt = approvalAt + r.int(3, 12) * DAY;
        const reason = r.pick(text.REOPENING_REASONS);
        const m = r.pick(reported);
        steps.push(step(reopenedAt, analysts[0]!, countyApprovalDecider, countyApprovalStreamId(countyCode, period), { type: 'ReopenCountyPeriod', county: countyCode, period, reason }, reason));
        const amendment = r.pick(text.AMENDMENT_REASONS);
        steps.push(
          step(reopenedAt + DAY, reporter(m), situationReportDecider, situationReportStreamId(m.code, period), { type: 'AmendSituationReport', template, answers: profiles.get(m.code)!.correction(template), reason: amendment, periodApproved: false }, amendment),
        );
        steps.push(step(reopenedAt + 2 * DAY, analysts[0]!, countyApprovalDecider, countyApprovalStreamId(countyCode, period), { type: 'ApproveCountyPeriod', county: countyCode, period, note: 'Fastställd på nytt efter komplettering.', approvedAt: new Date(reopenedAt + 2 * DAY).toISOString() }));
      }

      // A new risk every few months, most with an action that is decided, started and (usually) completed.
      const monthStart = momentIn(period, 1, 8);
      if (r.chance(0.3)) {
        const riskId = id('risk', riskCount);
        riskCount += 1;
        const area = r.pick(knownAreas);
        const orgUnit = r.chance(0.4) ? countyCode : r.pick(members).code;
        const identifiedAt = monthStart + r.int(3, 25) * DAY;
        const risk = r.pick(text.RISKS[area] ?? text.RISKS['social-risk']!);
        steps.push(
          step(identifiedAt, analysts[0]!, riskDecider, riskStreamId(riskId), { type: 'IdentifyRisk', riskId, orgUnit, area, knownAreas, title: risk.title, description: risk.description, likelihood: r.int(1, 5), consequence: r.int(1, 5) }),
        );
        openRisks.push({ id: riskId, orgUnit, area, identifiedAt });
        if (r.chance(0.7)) {
          const actionId = id('action', riskCount);
          const proposedAt = identifiedAt + r.int(5, 20) * DAY;
          const dueDate = isoDate(proposedAt + r.int(60, 180) * DAY);
          const parent = units.get(orgUnit)?.parent ?? countyCode;
          steps.push(
            step(proposedAt, analysts[1]!, actionDecider, actionStreamId(actionId), {
              type: 'ProposeAction',
              actionId,
              orgUnit,
              reachableOrgUnits: [orgUnit, parent],
              risks: [{ id: riskId, orgUnit, open: true }],
              title: r.pick(text.ACTIONS),
              description: risk.description,
              owner: r.pick(text.OWNERS),
              dueDate,
            }),
          );
          const approved = r.chance(0.9);
          const decidedAt = proposedAt + r.int(3, 10) * DAY;
          steps.push(step(decidedAt, analysts[0]!, actionDecider, actionStreamId(actionId), { type: 'DecideAction', decision: approved ? 'approved' : 'rejected', rationale: approved ? 'Åtgärden bedöms minska risken.' : 'Åtgärden ryms inte inom budget.' }));
          if (approved) {
            const startedAt = decidedAt + r.int(5, 20) * DAY;
            steps.push(step(startedAt, analysts[1]!, actionDecider, actionStreamId(actionId), { type: 'ChangeActionStatus', status: 'started', note: 'Arbetet har påbörjats.' }));
            if (r.chance(0.75)) {
              steps.push(step(Date.parse(dueDate) + r.int(-30, 20) * DAY + 10 * HOUR, analysts[1]!, actionDecider, actionStreamId(actionId), { type: 'ChangeActionStatus', status: 'completed', note: 'Åtgärden är genomförd.' }));
            }
          }
        }
      }
      // Risks are reassessed after a while, and some are closed.
      for (const risk of [...openRisks]) {
        const age = monthStart - risk.identifiedAt;
        if (age > 150 * DAY && r.chance(0.15)) {
          steps.push(step(monthStart + r.int(2, 20) * DAY, analysts[0]!, riskDecider, riskStreamId(risk.id), { type: 'ReassessRisk', likelihood: r.int(1, 5), consequence: r.int(1, 5), rationale: r.pick(text.REASSESSMENTS) }));
        } else if (age > 400 * DAY && r.chance(0.1)) {
          const reason = r.pick(text.CLOSURES);
          steps.push(step(monthStart + r.int(21, 26) * DAY, analysts[0]!, riskDecider, riskStreamId(risk.id), { type: 'CloseRisk', reason }, reason));
          openRisks.splice(openRisks.indexOf(risk), 1);
        }
      }

      // Activities and time spent, a few a month.
      for (let n = r.int(1, 3); n > 0; n -= 1) {
        const activity = r.pick(text.ACTIVITIES);
        const at = monthStart + r.int(1, 26) * DAY + r.int(0, 6) * HOUR;
        const activityId = id('activity', `${period}-${n}`);
        steps.push(
          step(at, analysts[1]!, activityDecider, activityStreamId(activityId), {
            type: 'RecordActivity',
            activityId,
            county: countyCode,
            kind: activity.kind,
            date: isoDate(at),
            title: activity.title,
            orgUnits: r.chance(0.5) ? [countyCode] : r.some(members, r.int(1, 3)).map((m) => m.code),
            countyUnits: [countyCode, ...countyUnits],
            partners: r.some(text.PARTNERS, r.int(0, 3)),
            participants: r.int(5, 120),
          }),
        );
      }
      for (const person of analysts) {
        for (let n = r.int(2, 5); n > 0; n -= 1) {
          const at = monthStart + r.int(0, 26) * DAY + 14 * HOUR;
          const entryId = id('time', `${period}-${person.id}-${n}`);
          steps.push(
            step(at, person, timeEntryDecider, timeEntryStreamId(entryId), {
              type: 'RecordTimeEntry',
              entryId,
              county: countyCode,
              person: { id: person.id, name: person.name },
              date: isoDate(at),
              hours: r.int(1, 16) / 2,
              kind: r.pick(TIME_KINDS),
              note: r.pick(text.TIME_NOTES),
              today: isoDate(at),
            }),
          );
        }
      }
      if (period.endsWith('-03') || period.endsWith('-06') || period.endsWith('-09') || period.endsWith('-12')) {
        goalIds.forEach((goalId, n) =>
          steps.push(
            step(momentIn(next, 20, 9, n), analysts[0]!, goalDecider, goalStreamId(goalId), {
              type: 'ReportGoalStatus',
              status: r.pick(['on-track', 'on-track', 'at-risk', 'off-track', 'achieved'] as const),
              narrative: r.pick(text.GOAL_NARRATIVES),
            }),
          ),
        );
      }
    }

    if (options.narrative) {
      const at = momentIn(periods[periods.length - 1]!, 20, 9);
      for (const [section, body] of Object.entries(text.NARRATIVE)) {
        steps.push(step(at + Number(section) * HOUR, analysts[0]!, narrativeDecider, narrativeStreamId(countyCode, Number(section)), { type: 'AuthorNarrativeSection', county: countyCode, section: Number(section), text: body }));
      }
    }
  }

  const until = options.until.getTime();
  const kept = steps.map((s, i) => ({ s, i })).filter(({ s }) => s.at <= until);
  kept.sort((a, b) => a.s.at - b.s.at || a.i - b.i);
  return { steps: kept.map(({ s }) => s), periods, municipalities };
}
