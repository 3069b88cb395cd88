import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOG } from './log.token.js';

/** Nest's logger interface over pino: `context` (the class that logs) becomes a field. */
@Injectable()
export class PinoLoggerService implements LoggerService {
  constructor(@Inject(LOG) private readonly pino: Logger) {}

  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }

  /**
   * Nest passes the logging class's name last (`context`); before it may come a message for an
   * object logged (`logger.error({ err }, 'projection failed')`) or, for `error`, a stack.
   */
  private write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const last = rest[rest.length - 1];
    const context = typeof last === 'string' && !isStack(last) ? last : undefined;
    const extra = (context === undefined ? rest : rest.slice(0, -1)).find((r): r is string => typeof r === 'string');
    const stack = extra !== undefined && isStack(extra) ? extra : undefined;
    const fields: Record<string, unknown> = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, stack ? message.message : (extra ?? message.message));
    else if (typeof message === 'object' && message !== null) this.pino[level]({ ...fields, ...message }, stack ? undefined : extra);
    else this.pino[level](fields, String(message));
  }
}

const isStack = (text: string) => /\n\s+at /.test(text);
