import type { Decider } from '../shared/decider.js';
import { ConflictError, NotFoundError } from '../shared/domain-errors.js';
import { Problems } from '../shared/rules.js';

/** Risk analysis (MSB's RSA method): likelihood 1–5 × consequence 1–5, reassessed, closed. */
export const riskStreamId = (riskId: string) => `risk-${riskId}`;

export interface IdentifyRisk {
  type: 'IdentifyRisk';
  riskId: string;
  orgUnit: string;
  area: string;
  /** The areas of the current template: a risk belongs to one of them. */
  knownAreas: string[];
  title: string;
  description: string;
  likelihood: number;
  consequence: number;
}
export interface ReassessRisk {
  type: 'ReassessRisk';
  likelihood: number;
  consequence: number;
  rationale: string;
}
export interface CloseRisk {
  type: 'CloseRisk';
  reason: string;
}
export type RiskCommand = IdentifyRisk | ReassessRisk | CloseRisk;

export type RiskEvent =
  | { type: 'RiskIdentified'; data: { riskId: string; orgUnit: string; area: string; title: string; description: string; likelihood: number; consequence: number } }
  | { type: 'RiskReassessed'; data: { riskId: string; likelihood: number; consequence: number; rationale: string } }
  | { type: 'RiskClosed'; data: { riskId: string; reason: string } };

export type RiskState = { status: 'none' } | { status: 'open' | 'closed'; riskId: string; orgUnit: string; likelihood: number; consequence: number };

const scores = (p: Problems, c: { likelihood: number; consequence: number }) =>
  p.wholeNumber(c.likelihood, 'likelihood', 1, 5).wholeNumber(c.consequence, 'consequence', 1, 5);

function openRisk(state: RiskState) {
  if (state.status === 'none') throw new NotFoundError('risk-not-found', 'There is no such risk.');
  if (state.status === 'closed') throw new ConflictError('risk-closed', 'The risk is closed.');
  return state;
}

export const riskDecider: Decider<RiskCommand, RiskEvent, RiskState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'RiskIdentified':
        return { status: 'open', riskId: event.data.riskId, orgUnit: event.data.orgUnit, likelihood: event.data.likelihood, consequence: event.data.consequence };
      case 'RiskReassessed':
        return state.status === 'none' ? state : { ...state, likelihood: event.data.likelihood, consequence: event.data.consequence };
      case 'RiskClosed':
        return state.status === 'none' ? state : { ...state, status: 'closed' };
      default: {
        const never: never = event;
        return never;
      }
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'IdentifyRisk': {
        if (state.status !== 'none') throw new ConflictError('risk-exists', 'This risk is already identified.');
        const p = new Problems().check(command.knownAreas.includes(command.area), 'area', `must be one of ${command.knownAreas.join(', ')}`);
        scores(p, command).text(command.title, 'title', 300).text(command.description, 'description', 10_000);
        p.throwIfAny('The risk is not well described');
        const { riskId, orgUnit, area, title, description, likelihood, consequence } = command;
        return [{ type: 'RiskIdentified', data: { riskId, orgUnit, area, title: title.trim(), description: description.trim(), likelihood, consequence } }];
      }
      case 'ReassessRisk': {
        const risk = openRisk(state);
        const p = scores(new Problems(), command).text(command.rationale, 'rationale');
        p.throwIfAny('The reassessment is not well described');
        return [{ type: 'RiskReassessed', data: { riskId: risk.riskId, likelihood: command.likelihood, consequence: command.consequence, rationale: command.rationale.trim() } }];
      }
      case 'CloseRisk': {
        const risk = openRisk(state);
        new Problems().text(command.reason, 'reason').throwIfAny('Closing a risk needs a reason');
        return [{ type: 'RiskClosed', data: { riskId: risk.riskId, reason: command.reason.trim() } }];
      }
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  },
};
