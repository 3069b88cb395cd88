import {
  type Period,
  TIME_KINDS,
  activityDecider,
  activityStreamId,
  goalDecider,
  goalStreamId,
  narrativeDecider,
  narrativeStreamId,
  nextPeriod,
  readinessDecider,
  readinessStreamId,
  timeEntryDecider,
  timeEntryStreamId,
} from '@lagesbild/domain';
import type { CountyScene } from './county-scene.js';
import { DAY, HOUR, isoDate, momentIn, reporter, step } from './scenario-step.js';
import * as text from './texts.js';

/** Readiness: coordinators appointed early, action plans adopted over the first year, some revised. */
export function recordReadiness(county: CountyScene): void {
  const { start } = county;
  for (const m of county.members) {
    const rm = county.random.fork(`readiness-${m.code}`);
    const facts: Array<['coordinator-appointed' | 'action-plan-adopted' | 'action-plan-revised', number]> = [['coordinator-appointed', start + rm.int(2, 40) * DAY]];
    if (rm.chance(0.8)) facts.push(['action-plan-adopted', start + rm.int(60, 330) * DAY]);
    if (facts.length === 2 && rm.chance(0.4)) facts.push(['action-plan-revised', facts[1]![1] + rm.int(300, 500) * DAY]);
    for (const [kind, at] of facts) {
      const date = isoDate(at);
      county.steps.push(
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
}

/** The county's goals, defined as the history begins; their ids. */
export function defineGoals(county: CountyScene): string[] {
  return text.GOALS.map((goal, n) => {
    const goalId = county.id('goal', n);
    county.steps.push(
      step(county.start + DAY + n * HOUR, county.analysts[0], goalDecider, goalStreamId(goalId), { type: 'DefineGoal', goalId, orgUnit: county.code, kind: goal.kind, number: `${n + 1}`, text: goal.text }),
    );
    return goalId;
  });
}

/** A month's work in the county: a few activities, and the time each analyst spent. */
export function recordMonthsWork(county: CountyScene, period: Period): void {
  const { random: r, steps, code: countyCode, countyUnits } = county;
  const monthStart = momentIn(period, 1, 8);
  for (let n = r.int(1, 3); n > 0; n -= 1) {
    const activity = r.pick(text.ACTIVITIES);
    const at = monthStart + r.int(1, 26) * DAY + r.int(0, 6) * HOUR;
    const activityId = county.id('activity', `${period}-${n}`);
    steps.push(
      step(at, county.analysts[1], activityDecider, activityStreamId(activityId), {
        type: 'RecordActivity',
        activityId,
        county: countyCode,
        kind: activity.kind,
        date: isoDate(at),
        title: activity.title,
        orgUnits: r.chance(0.5) ? [countyCode] : r.some(county.members, r.int(1, 3)).map((m) => m.code),
        countyUnits: [countyCode, ...countyUnits],
        partners: r.some(text.PARTNERS, r.int(0, 3)),
        participants: r.int(5, 120),
      }),
    );
  }
  for (const person of county.analysts) {
    for (let n = r.int(2, 5); n > 0; n -= 1) {
      const at = monthStart + r.int(0, 26) * DAY + 14 * HOUR;
      const entryId = county.id('time', `${period}-${person.id}-${n}`);
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
          countyUnits: [],
          today: isoDate(at),
        }),
      );
    }
  }
}

/** Each goal's status, reported after the end of each quarter. */
export function reportGoalStatus(county: CountyScene, goalIds: readonly string[], period: Period): void {
  if (!(period.endsWith('-03') || period.endsWith('-06') || period.endsWith('-09') || period.endsWith('-12'))) return;
  const r = county.random;
  goalIds.forEach((goalId, n) =>
    county.steps.push(
      step(momentIn(nextPeriod(period), 20, 9, n), county.analysts[0], goalDecider, goalStreamId(goalId), {
        type: 'ReportGoalStatus',
        status: r.pick(['on-track', 'on-track', 'at-risk', 'off-track', 'achieved'] as const),
        narrative: r.pick(text.GOAL_NARRATIVES),
      }),
    ),
  );
}

/** The county's narrative sections, as a demo shows them, written in the last month of the history. */
export function authorNarrative(county: CountyScene, lastPeriod: Period): void {
  const at = momentIn(lastPeriod, 20, 9);
  for (const [section, body] of Object.entries(text.NARRATIVE)) {
    county.steps.push(
      step(at + Number(section) * HOUR, county.analysts[0], narrativeDecider, narrativeStreamId(county.code, Number(section)), { type: 'AuthorNarrativeSection', county: county.code, section: Number(section), text: body }),
    );
  }
}
