import { describe, expect, it } from '@jest/globals';
import { fold } from '../shared/decider.js';
import { specFor } from '../testing/given-when-then.js';
import { fixtureTemplate } from '../testing/template.fixture.js';
import { type DraftEvent, type SaveDraft, draftDecider } from './draft.decider.js';

const draft = specFor(draftDecider);
const save = (answers: SaveDraft['answers'], extra: Partial<SaveDraft> = {}): SaveDraft => ({
  type: 'SaveDraft',
  orgUnit: '2085',
  period: '2026-11',
  template: fixtureTemplate,
  answers,
  reportSubmitted: false,
  ...extra,
});
const saved = (answers: DraftEvent['data']['answers'], extra: Partial<DraftEvent['data']> = {}): DraftEvent => ({
  type: 'DraftSaved',
  data: { orgUnit: '2085', period: '2026-11', templateVersion: 1, answers, ...extra },
});

describe('draft', () => {
  it('saves part of a report: the items given, none required', () => {
    draft().when(save([{ item: 'social-risk.level', value: 2 }])).then([saved([{ item: 'social-risk.level', value: 2 }])]);
    draft().when(save([], { summary: 'Påbörjad' })).then([saved([], { summary: 'Påbörjad' })]);
  });

  it('checks each value given for its type and names the field', () => {
    draft().when(save([{ item: 'social-risk.level', value: 7 }, { item: 'andt.doping', value: 'ja' }, { item: 'no.such', value: 1 }])).thenThrows('validation-failed', [
      'answers.0.value',
      'answers.1.value',
      'answers.2.item',
    ]);
    draft().when(save([], { sources: ['rumours'] })).thenThrows('validation-failed', ['sources.0']);
    draft().when(save([], { period: '2026-13' })).thenThrows('validation-failed', ['period']);
  });

  it('is closed once the period is submitted', () => {
    draft([saved([])]).when(save([], { reportSubmitted: true })).thenThrows('report-already-submitted');
  });

  it('folds its saves: each item at its latest value, the summary kept until replaced', () => {
    const state = fold(draftDecider, [
      saved([{ item: 'social-risk.level', value: 2 }, { item: 'andt.doping', value: false }], { summary: 'Första' }),
      saved([{ item: 'social-risk.level', value: 3 }], { sources: ['school'] }),
    ]);
    expect(state).toEqual({
      saves: 2,
      templateVersion: 1,
      answers: { 'social-risk.level': { item: 'social-risk.level', value: 3 }, 'andt.doping': { item: 'andt.doping', value: false } },
      sources: ['school'],
      summary: 'Första',
    });
  });

  it('starts its answers afresh when a save answers another template version', () => {
    const state = fold(draftDecider, [saved([{ item: 'andt.doping', value: true }]), saved([{ item: 'social-risk.level', value: 1 }], { templateVersion: 2 })]);
    expect(state.answers).toEqual({ 'social-risk.level': { item: 'social-risk.level', value: 1 } });
  });
});
