export * from './event-store.contract.js';
export * from './kill-child.js';
export * from './rewrite-history.js';
