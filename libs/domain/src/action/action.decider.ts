import type { Decider } from '../shared/decider.js';
import { ConflictError, NotFoundError } from '../shared/domain-errors.js';
import { Problems } from '../shared/rules.js';

/** Action analysis and decisions: proposed against risks, decided, started, completed or cancelled. */
export const actionStreamId = (actionId: string) => `action-${actionId}`;

export type ActionStatus = 'proposed' | 'approved' | 'rejected' | 'started' | 'completed' | 'cancelled';

export interface ProposeAction {
  type: 'ProposeAction';
  actionId: string;
  orgUnit: string;
  /** The org unit and its parent: an action may address their risks. */
  reachableOrgUnits: string[];
  /** The risks named, as the caller found them (undefined: not found). */
  risks: Array<{ id: string; orgUnit?: string; open?: boolean }>;
  title: string;
  description: string;
  owner: string;
  dueDate: string;
}
export interface DecideAction {
  type: 'DecideAction';
  decision: 'approved' | 'rejected';
  rationale: string;
}
export interface ChangeActionStatus {
  type: 'ChangeActionStatus';
  status: 'started' | 'completed' | 'cancelled';
  note: string;
}
export type ActionCommand = ProposeAction | DecideAction | ChangeActionStatus;

export type ActionEvent =
  | { type: 'ActionProposed'; data: { actionId: string; orgUnit: string; riskIds: string[]; title: string; description: string; owner: string; dueDate: string } }
  | { type: 'ActionDecided'; data: { actionId: string; decision: 'approved' | 'rejected'; rationale: string } }
  | { type: 'ActionStatusChanged'; data: { actionId: string; status: 'started' | 'completed' | 'cancelled'; note: string } };

export type ActionState = { status: 'none' } | { status: Exclude<ActionStatus, never>; actionId: string };

/** Which statuses each move may start from; anything else is a 409. */
const ALLOWED_FROM: Record<ChangeActionStatus['status'], ActionStatus[]> = {
  started: ['approved'],
  completed: ['started'],
  cancelled: ['proposed', 'approved', 'started'],
};

export const actionDecider: Decider<ActionCommand, ActionEvent, ActionState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ActionProposed':
        return { status: 'proposed', actionId: event.data.actionId };
      case 'ActionDecided':
        return state.status === 'none' ? state : { ...state, status: event.data.decision };
      case 'ActionStatusChanged':
        return state.status === 'none' ? state : { ...state, status: event.data.status };
      default: {
        const never: never = event;
        return never;
      }
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'ProposeAction': {
        if (state.status !== 'none') throw new ConflictError('action-exists', 'This action is already proposed.');
        const p = new Problems().check(command.risks.length > 0, 'riskIds', 'must name at least one risk');
        command.risks.forEach((risk, i) => {
          if (risk.orgUnit === undefined) p.add(`riskIds.${i}`, `there is no risk ${risk.id}`);
          else if (!command.reachableOrgUnits.includes(risk.orgUnit)) p.add(`riskIds.${i}`, `risk ${risk.id} belongs to ${risk.orgUnit}, not to ${command.orgUnit} or its parent`);
          else if (risk.open === false) p.add(`riskIds.${i}`, `risk ${risk.id} is closed`);
        });
        p.text(command.title, 'title', 300).text(command.description, 'description', 10_000).text(command.owner, 'owner', 300).date(command.dueDate, 'dueDate');
        p.throwIfAny('The action is not well described');
        const { actionId, orgUnit, title, description, owner, dueDate } = command;
        return [{ type: 'ActionProposed', data: { actionId, orgUnit, riskIds: command.risks.map((r) => r.id), title: title.trim(), description: description.trim(), owner: owner.trim(), dueDate } }];
      }
      case 'DecideAction': {
        if (state.status === 'none') throw new NotFoundError('action-not-found', 'There is no such action.');
        if (state.status !== 'proposed') throw new ConflictError('action-already-decided', `The action is already ${state.status}.`);
        new Problems().text(command.rationale, 'rationale').throwIfAny('A decision needs a rationale');
        return [{ type: 'ActionDecided', data: { actionId: state.actionId, decision: command.decision, rationale: command.rationale.trim() } }];
      }
      case 'ChangeActionStatus': {
        if (state.status === 'none') throw new NotFoundError('action-not-found', 'There is no such action.');
        if (!ALLOWED_FROM[command.status].includes(state.status)) {
          throw new ConflictError('invalid-action-transition', `An action that is ${state.status} cannot become ${command.status}.`);
        }
        return [{ type: 'ActionStatusChanged', data: { actionId: state.actionId, status: command.status, note: command.note.trim() } }];
      }
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  },
};
