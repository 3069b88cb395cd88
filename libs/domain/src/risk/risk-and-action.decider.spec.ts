import { describe, it } from '@jest/globals';
import { type ProposeAction, actionDecider } from '../action/action.decider.js';
import { specFor } from '../testing/given-when-then.js';
import { type IdentifyRisk, riskDecider } from './risk.decider.js';

const risk = specFor(riskDecider);
const identify: IdentifyRisk = {
  type: 'IdentifyRisk',
  riskId: 'r1',
  orgUnit: '2085',
  area: 'social-risk',
  knownAreas: ['social-risk', 'andt'],
  title: 'Oroligheter i centrum',
  description: 'Grupper av unga samlas kvällstid.',
  likelihood: 3,
  consequence: 4,
};
const identified = {
  type: 'RiskIdentified' as const,
  data: { riskId: 'r1', orgUnit: '2085', area: 'social-risk', title: 'Oroligheter i centrum', description: 'Grupper av unga samlas kvällstid.', likelihood: 3, consequence: 4 },
};
const closed = { type: 'RiskClosed' as const, data: { riskId: 'r1', reason: 'Åtgärdat' } };

describe('risk', () => {
  it('is identified with likelihood and consequence 1–5 in a known area', () => {
    risk().when(identify).then([identified]);
    risk().when({ ...identify, likelihood: 0, consequence: 6, area: 'weather', title: '' }).thenThrows('validation-failed', ['area', 'likelihood', 'consequence', 'title']);
  });

  it('is reassessed with a rationale, and closed with a reason', () => {
    risk([identified]).when({ type: 'ReassessRisk', likelihood: 2, consequence: 4, rationale: 'Polisnärvaro' }).then([
      { type: 'RiskReassessed', data: { riskId: 'r1', likelihood: 2, consequence: 4, rationale: 'Polisnärvaro' } },
    ]);
    risk([identified]).when({ type: 'ReassessRisk', likelihood: 2, consequence: 4, rationale: '' }).thenThrows('validation-failed', ['rationale']);
    risk([identified]).when({ type: 'CloseRisk', reason: 'Åtgärdat' }).then([closed]);
  });

  it('cannot be changed once closed, nor before it exists', () => {
    risk([identified, closed]).when({ type: 'CloseRisk', reason: 'igen' }).thenThrows('risk-closed');
    risk([identified, closed]).when({ type: 'ReassessRisk', likelihood: 1, consequence: 1, rationale: 'x' }).thenThrows('risk-closed');
    risk().when({ type: 'CloseRisk', reason: 'x' }).thenThrows('risk-not-found');
  });
});

const action = specFor(actionDecider);
const propose: ProposeAction = {
  type: 'ProposeAction',
  actionId: 'a1',
  orgUnit: '2085',
  reachableOrgUnits: ['2085', '20'],
  risks: [{ id: 'r1', orgUnit: '2085', open: true }, { id: 'r2', orgUnit: '20', open: true }],
  title: 'Fältgrupp kvällstid',
  description: 'Fältassistenter i centrum fredagar.',
  owner: 'Socialtjänsten',
  dueDate: '2018-06-30',
};
const proposed = {
  type: 'ActionProposed' as const,
  data: { actionId: 'a1', orgUnit: '2085', riskIds: ['r1', 'r2'], title: 'Fältgrupp kvällstid', description: 'Fältassistenter i centrum fredagar.', owner: 'Socialtjänsten', dueDate: '2018-06-30' },
};
const approved = { type: 'ActionDecided' as const, data: { actionId: 'a1', decision: 'approved' as const, rationale: 'Ja' } };
const started = { type: 'ActionStatusChanged' as const, data: { actionId: 'a1', status: 'started' as const, note: '' } };

describe('action', () => {
  it('is proposed against risks of its org unit or its parent', () => {
    action().when(propose).then([proposed]);
    action()
      .when({ ...propose, risks: [{ id: 'r9' }, { id: 'r3', orgUnit: '2080', open: true }, { id: 'r4', orgUnit: '2085', open: false }], dueDate: '2018-02-30' })
      .thenThrows('validation-failed', ['riskIds.0', 'riskIds.1', 'riskIds.2', 'dueDate']);
    action().when({ ...propose, risks: [] }).thenThrows('validation-failed', ['riskIds']);
  });

  it('is decided once, with a rationale', () => {
    action([proposed]).when({ type: 'DecideAction', decision: 'approved', rationale: 'Ja' }).then([approved]);
    action([proposed, approved]).when({ type: 'DecideAction', decision: 'rejected', rationale: 'Nej' }).thenThrows('action-already-decided');
    action([proposed]).when({ type: 'DecideAction', decision: 'approved', rationale: ' ' }).thenThrows('validation-failed', ['rationale']);
    action().when({ type: 'DecideAction', decision: 'approved', rationale: 'Ja' }).thenThrows('action-not-found');
  });

  it('moves proposed → approved → started → completed; anything else is a conflict', () => {
    action([proposed, approved]).when({ type: 'ChangeActionStatus', status: 'started', note: '' }).then([started]);
    action([proposed, approved, started]).when({ type: 'ChangeActionStatus', status: 'completed', note: 'Klart' }).then([
      { type: 'ActionStatusChanged', data: { actionId: 'a1', status: 'completed', note: 'Klart' } },
    ]);
    action([proposed]).when({ type: 'ChangeActionStatus', status: 'started', note: '' }).thenThrows('invalid-action-transition');
    action([proposed, approved]).when({ type: 'ChangeActionStatus', status: 'completed', note: '' }).thenThrows('invalid-action-transition');
    action([proposed, { ...approved, data: { ...approved.data, decision: 'rejected' } }]).when({ type: 'ChangeActionStatus', status: 'cancelled', note: '' }).thenThrows('invalid-action-transition');
    action([proposed]).when({ type: 'ChangeActionStatus', status: 'cancelled', note: 'Behövs ej' }).then([
      { type: 'ActionStatusChanged', data: { actionId: 'a1', status: 'cancelled', note: 'Behövs ej' } },
    ]);
  });
});
