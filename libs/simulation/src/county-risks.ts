import { type Period, actionDecider, actionStreamId, riskDecider, riskStreamId } from '@lagesbild/domain';
import type { CountyScene } from './county-scene.js';
import { DAY, HOUR, isoDate, momentIn, step } from './scenario-step.js';
import * as text from './texts.js';

interface OpenRisk {
  id: string;
  identifiedAt: number;
}

/**
 * A county's risk register over the months: a new risk every few months, most with an action
 * that is decided, started and (usually) completed; risks reassessed after a while, and some closed.
 */
export class CountyRisks {
  private identified = 0;
  private readonly open: OpenRisk[] = [];

  constructor(private readonly county: CountyScene) {}

  /** What happens to the county's risks in a month. */
  month(period: Period): void {
    const monthStart = momentIn(period, 1, 8);
    if (this.county.random.chance(0.3)) this.identify(monthStart);
    this.review(monthStart);
  }

  private identify(monthStart: number): void {
    const { random: r, steps, analysts, code: countyCode, knownAreas } = this.county;
    const riskId = this.county.id('risk', this.identified);
    this.identified += 1;
    const area = r.pick(knownAreas);
    const orgUnit = r.chance(0.4) ? countyCode : r.pick(this.county.members).code;
    const identifiedAt = monthStart + r.int(3, 25) * DAY;
    const risk = r.pick(text.RISKS[area] ?? text.RISKS['social-risk']!);
    steps.push(
      step(identifiedAt, analysts[0], riskDecider, riskStreamId(riskId), { type: 'IdentifyRisk', riskId, orgUnit, area, knownAreas, title: risk.title, description: risk.description, likelihood: r.int(1, 5), consequence: r.int(1, 5) }),
    );
    this.open.push({ id: riskId, identifiedAt });
    if (!r.chance(0.7)) return;

    const actionId = this.county.id('action', this.identified);
    const proposedAt = identifiedAt + r.int(5, 20) * DAY;
    const dueDate = isoDate(proposedAt + r.int(60, 180) * DAY);
    const parent = this.county.units.get(orgUnit)?.parent ?? countyCode;
    steps.push(
      step(proposedAt, analysts[1], actionDecider, actionStreamId(actionId), {
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
    steps.push(step(decidedAt, analysts[0], actionDecider, actionStreamId(actionId), { type: 'DecideAction', decision: approved ? 'approved' : 'rejected', rationale: approved ? 'Åtgärden bedöms minska risken.' : 'Åtgärden ryms inte inom budget.' }));
    if (!approved) return;
    const startedAt = decidedAt + r.int(5, 20) * DAY;
    steps.push(step(startedAt, analysts[1], actionDecider, actionStreamId(actionId), { type: 'ChangeActionStatus', status: 'started', note: 'Arbetet har påbörjats.' }));
    if (r.chance(0.75)) {
      steps.push(step(Date.parse(dueDate) + r.int(-30, 20) * DAY + 10 * HOUR, analysts[1], actionDecider, actionStreamId(actionId), { type: 'ChangeActionStatus', status: 'completed', note: 'Åtgärden är genomförd.' }));
    }
  }

  /** Risks are reassessed after a while, and some are closed. */
  private review(monthStart: number): void {
    const { random: r, steps, analysts } = this.county;
    for (const risk of [...this.open]) {
      const age = monthStart - risk.identifiedAt;
      if (age > 150 * DAY && r.chance(0.15)) {
        steps.push(step(monthStart + r.int(2, 20) * DAY, analysts[0], riskDecider, riskStreamId(risk.id), { type: 'ReassessRisk', likelihood: r.int(1, 5), consequence: r.int(1, 5), rationale: r.pick(text.REASSESSMENTS) }));
      } else if (age > 400 * DAY && r.chance(0.1)) {
        const reason = r.pick(text.CLOSURES);
        steps.push(step(monthStart + r.int(21, 26) * DAY, analysts[0], riskDecider, riskStreamId(risk.id), { type: 'CloseRisk', reason }, reason));
        this.open.splice(this.open.indexOf(risk), 1);
      }
    }
  }
}
