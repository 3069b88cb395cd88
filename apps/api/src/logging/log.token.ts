/** The process's pino logger (JSON lines on stdout), at `LOG_LEVEL`. */
export const LOG = Symbol('pino logger');
