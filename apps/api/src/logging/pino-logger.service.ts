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
   * Nest calls `error(message, stack?, context?)` and the others `(message, context?)`: the last
   * string argument is the context, and for errors a string before it the stack.
   */
  private write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const strings = rest.filter((r): r is string => typeof r === 'string');
    const context = strings.length > 0 ? strings[strings.length - 1] : undefined;
    const stack = level === 'error' || level === 'fatal' ? (strings.length > 1 ? strings[0] : undefined) : undefined;
    const fields = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }
}
