export * from './roles.js';
export * from './auth.errors.js';
export * from './tokens.js';
export * from './access-policy.js';
export * from './demo-users.js';
