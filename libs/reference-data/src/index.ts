export * from './org-units.js';
export * from './default-template.js';
