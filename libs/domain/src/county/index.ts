export * from './county-settings.decider.js';
export * from './county-approval.decider.js';
