export * from './shared/decider.js';
export * from './shared/domain-error.js';
export * from './shared/domain-errors.js';
export * from './shared/period.js';
export * from './template/template.types.js';
export * from './situation-report/index.js';
export * from './county/index.js';
export * from './template/template.decider.js';
