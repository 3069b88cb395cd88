export * from './view-store.port.js';
export * from './projection.js';
export * from './projection-runner.js';
export { SqliteViewStore } from './sqlite/sqlite-view-store.js';
export * from './views/situation-report/situation-report.projection.js';
