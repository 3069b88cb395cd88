export * from './shared/decider.js';
export * from './shared/domain-error.js';
export * from './template/template.types.js';
