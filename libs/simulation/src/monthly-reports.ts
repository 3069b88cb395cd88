import {
  type Period,
  assessmentDecider,
  assessmentStreamId,
  countyApprovalDecider,
  countyApprovalStreamId,
  deadlineOf,
  nextPeriod,
  situationReportDecider,
  situationReportStreamId,
} from '@lagesbild/domain';
import type { OrgUnit } from '@lagesbild/reference-data';
import type { CountyScene } from './county-scene.js';
import type { MunicipalityProfile } from './municipality-profile.js';
import { DAY, HOUR, momentIn, reporter, step } from './scenario-step.js';
import * as text from './texts.js';

/**
 * A period's reports in a county: every municipality's report (some late, some amended, now
 * and then one missing), due by the deadline day of the next month; then the county's regional
 * assessment and its approval of the period, which now and then is reopened for a correction.
 * `reopenings`: how likely a period is to be reopened.
 */
export function reportPeriod(county: CountyScene, period: Period, profiles: ReadonlyMap<string, MunicipalityProfile>, reopenings: number): void {
  const { random: r, steps, template, deadlineDay } = county;
  const next = nextPeriod(period);
  const deadline = Date.parse(deadlineOf(period, deadlineDay));
  const approvalAt = momentIn(next, deadlineDay + 10, 13, r.int(0, 59));
  const levelItemOf = new Map(template.areas.map((a) => [a.id, a.items.find((i) => i.type === 'level')?.id]));
  const levels = new Map<string, number[]>();
  const reported: OrgUnit[] = [];

  for (const m of county.members) {
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

  // The county's regional assessment, from the levels its municipalities reported, then its approval of the period.
  const assessedAt = approvalAt - 2 * DAY;
  const areas = template.areas.map((area) => {
    const values = levels.get(area.id) ?? [1];
    return { area: area.id, level: Math.round(values.reduce((s, v) => s + v, 0) / values.length), text: r.pick(text.ASSESSMENT_TEXTS[area.id] ?? text.TREND_TEXTS) };
  });
  const feedback = r.some(county.members, r.int(0, 2)).map((m) => ({ orgUnit: m.code, message: r.pick(text.FEEDBACK) }));
  const [analyst] = county.analysts;
  steps.push(
    step(assessedAt, analyst, assessmentDecider, assessmentStreamId(county.code, period), {
      type: 'RecordAssessment',
      county: county.code,
      period,
      areas,
      trends: r.pick(text.TREND_TEXTS),
      feedback,
      knownAreas: county.knownAreas,
      countyUnits: county.countyUnits,
    }),
  );
  steps.push(step(approvalAt, analyst, countyApprovalDecider, countyApprovalStreamId(county.code, period), { type: 'ApproveCountyPeriod', county: county.code, period, note: 'Fastställd efter avstämning.', approvedAt: new Date(approvalAt).toISOString() }));

  // Now and then a period is reopened for a correction and approved again.
  if (reported.length > 0 && r.chance(reopenings)) {
    const reopenedAt = approvalAt + r.int(3, 12) * DAY;
    const reason = r.pick(text.REOPENING_REASONS);
    const m = r.pick(reported);
    steps.push(step(reopenedAt, analyst, countyApprovalDecider, countyApprovalStreamId(county.code, period), { type: 'ReopenCountyPeriod', county: county.code, period, reason }, reason));
    const amendment = r.pick(text.AMENDMENT_REASONS);
    steps.push(
      step(reopenedAt + DAY, reporter(m), situationReportDecider, situationReportStreamId(m.code, period), { type: 'AmendSituationReport', template, answers: profiles.get(m.code)!.correction(template), reason: amendment, periodApproved: false }, amendment),
    );
    steps.push(
      step(reopenedAt + 2 * DAY, analyst, countyApprovalDecider, countyApprovalStreamId(county.code, period), { type: 'ApproveCountyPeriod', county: county.code, period, note: 'Fastställd på nytt efter komplettering.', approvedAt: new Date(reopenedAt + 2 * DAY).toISOString() }),
    );
  }
}
