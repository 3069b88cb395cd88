export * from './view-store.port.js';
export * from './projection.js';
export * from './projection-runner.js';
export { AnswerMemo } from './answer-memo.js';
export { SqliteViewStore, removeViewsFile } from './sqlite/sqlite-view-store.js';
export { MongoViewStore, type MongoViewStoreOptions } from './mongodb/mongodb-view-store.js';
export * from './views/situation-report/report-summary.projection.js';
export * from './views/county/county.projections.js';
export * from './views/situation.queries.js';
export * from './views/risks/risks.projections.js';
export * from './views/work-records/work-records.projections.js';
export * from './views/trends/trends.queries.js';
export * from './views/readiness/readiness.projection.js';
export * from './views/support-cases/support-cases.projection.js';

export { ALL_PROJECTIONS, rebuildParts } from './all-projections.js';
export { ProjectionThread, type ProjectionThreadOptions } from './thread/projection-thread.js';
export { buildViews, type BuildPart, type BuildViewsOptions } from './build-views.js';
export { buildViewsBeside, type BuildBesideOptions } from './thread/build-thread.js';
