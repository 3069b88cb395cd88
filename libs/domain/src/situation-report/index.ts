export * from './situation-report.types.js';
export * from './situation-report.decider.js';
export { answerProblems } from './situation-report.answers.js';
